using CaseFlow.Intake.Cases.Erasing;
using CaseFlow.Intake.Cases.Opening;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// The blind-index terms an applicant's name is found by, one document per applicant (the id is their data subject).
/// </summary>
/// <param name="Terms">Keyed hashes of the normalised name's pieces (<see cref="BlindIndex.Terms"/>).</param>
/// <param name="Twin">The exact term of name and birth date: what the duplicate warning compares; null without a birth date.</param>
public sealed record ApplicantNameTerms(Guid Id, Guid CaseId, string[] Terms, string? Twin);

/// <summary>
/// Kept inline, in the events' transaction, so a case is found by name the moment it is written. Built from the sealed
/// names: a rebuild after an erasure finds the name unreadable and writes no terms for it.
/// </summary>
public sealed partial class ApplicantNameIndex : EventProjection
{
    private readonly BlindIndex index;

    public ApplicantNameIndex(BlindIndex index)
    {
        this.index = index;
        Name = "applicant-name-index";
        IncludeType<CaseOpened>();
        IncludeType<ApplicantRegistered>();
        IncludeType<ApplicantDetailsCorrected>();
        IncludeType<PersonalDataErased>();
    }

    public static string TwinOf(string normalizedName, DateOnly birthDate) => $"{normalizedName}|{birthDate:yyyy-MM-dd}";

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case CaseOpened opened:
                Index(operations, opened.CaseId, opened.ApplicantName.Value, null);
                break;
            case ApplicantRegistered registered:
                Index(operations, registered.CaseId, registered.Applicant);
                break;
            case ApplicantDetailsCorrected corrected:
                Index(operations, corrected.CaseId, corrected.Applicant);
                break;
            case PersonalDataErased { Person: Subjects.ApplicantPerson } erased:
                operations.Delete<ApplicantNameTerms>(erased.SubjectId);
                break;
        }
        return ValueTask.CompletedTask;
    }

    private void Index(IDocumentOperations operations, Guid caseId, Sealed<ApplicantDetails> applicant) =>
        Index(operations, caseId, applicant.Value?.FullName, applicant.Value?.BirthDate);

    private void Index(IDocumentOperations operations, Guid caseId, string? name, DateOnly? birthDate)
    {
        var subject = Subjects.Applicant(caseId);
        if (name is null)
        {
            operations.Delete<ApplicantNameTerms>(subject);
            return;
        }
        var normalized = PersonName.Normalize(name);
        operations.Store(new ApplicantNameTerms(subject, caseId, [.. index.Terms(normalized)],
            birthDate is { } born ? index.Exact(TwinOf(normalized, born)) : null));
    }
}
