using CaseFlow.Intake.Cases.Erasing;
using CaseFlow.Intake.Cases.Opening;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// The keyed search index of every case: an entry per applicant and family member (names, documents, phone) and per
/// letter (its references). Kept inline, in the events' transaction, so a case is found the moment it is written.
/// Built from the sealed values: a person erased reads as nothing and loses their entry, in a rebuild too.
/// </summary>
public sealed partial class CaseSearchIndex : EventProjection
{
    private readonly BlindIndex index;

    public CaseSearchIndex(BlindIndex index)
    {
        this.index = index;
        Name = "case-search-index";
        IncludeType<CaseOpened>();
        IncludeType<ApplicantRegistered>();
        IncludeType<ApplicantDetailsCorrected>();
        IncludeType<FamilyMemberRecorded>();
        IncludeType<FamilyMemberUpdated>();
        IncludeType<FamilySeparationReported>();
        IncludeType<LetterSentNoted>();
        IncludeType<PersonalDataErased>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case CaseOpened opened:
                Applicant(operations, opened.CaseId, opened.ApplicantName.Value is { } name ? new ApplicantDetails(name, null, "", null, null, [], null, null, null) : null);
                break;
            case ApplicantRegistered registered:
                Applicant(operations, registered.CaseId, registered.Applicant.Value);
                break;
            case ApplicantDetailsCorrected corrected:
                Applicant(operations, corrected.CaseId, corrected.Applicant.Value);
                break;
            case FamilyMemberRecorded recorded:
                Member(operations, recorded.CaseId, recorded.Member.MemberId, recorded.Member.Details.Value);
                break;
            case FamilyMemberUpdated updated:
                Member(operations, updated.CaseId, updated.Member.MemberId, updated.Member.Details.Value);
                break;
            case FamilySeparationReported separated:
                Member(operations, separated.CaseId, separated.MemberId, separated.Member.Value);
                break;
            case LetterSentNoted letter:
                operations.Store(new SearchEntry(SearchEntry.IdOf(letter.CaseId, $"{SearchEntry.Letter}:{letter.LetterId}"), letter.CaseId,
                    SearchEntry.Letter, [.. letter.References().Select(SearchText.Code).Where(r => r.Length > 0).Distinct()
                        .Select(r => SearchTerms.Reference(index, r))], null));
                break;
            case PersonalDataErased erased:
                operations.Delete<SearchEntry>(SearchEntry.IdOf(erased.CaseId, erased.Person));
                break;
        }
        return ValueTask.CompletedTask;
    }

    private void Applicant(IDocumentOperations operations, Guid caseId, ApplicantDetails? applicant)
    {
        var id = SearchEntry.IdOf(caseId, Subjects.ApplicantPerson);
        if (applicant is null)
        {
            operations.Delete<SearchEntry>(id);
            return;
        }
        var name = SearchText.Name(applicant.FullName);
        var terms = index.Terms(name)
            .Concat(applicant.Documents.Select(d => SearchText.Code(d.Number)).Where(d => d.Length > 0).Select(d => SearchTerms.Document(index, d)))
            .Concat(applicant.Phone is { } phone && SearchText.Phone(phone) is { } digits ? [SearchTerms.Phone(index, digits)] : []);
        operations.Store(new SearchEntry(id, caseId, Subjects.ApplicantPerson, [.. terms.Distinct()],
            applicant.BirthDate is { } born ? SearchTerms.Twin(index, name, born) : null));
    }

    private void Member(IDocumentOperations operations, Guid caseId, string memberId, MemberDetails? member)
    {
        var person = Subjects.MemberPrefix + memberId;
        var id = SearchEntry.IdOf(caseId, person);
        if (member is null) operations.Delete<SearchEntry>(id);
        else operations.Store(new SearchEntry(id, caseId, person, [.. index.Terms(SearchText.Name(member.FullName))], null));
    }
}
