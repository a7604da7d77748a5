using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Correspondence.Letters.Drafting;

public sealed record LetterDrafted(
    Guid CaseId, Guid LetterId, string AgencyId, string AgencyName, string Kind, string Language, string? TemplateId,
    string Subject, string Body, DateTimeOffset OccurredAt);

/// <summary>What the request asks for, before the agency, the template and the case's data are looked up.</summary>
public sealed record DraftLetterInput(
    Guid CaseId, string AgencyId, string? Kind, string Language, string? TemplateId, string? FamilyMemberId,
    string Subject, string Body, long? ExpectedVersion, DateTimeOffset OccurredAt);

public sealed record DraftLetter(
    Guid LetterId, string AgencyId, string AgencyName, string Kind, string Language, string? TemplateId,
    string Subject, string Body, DateTimeOffset OccurredAt);

public static class DraftLetterRules
{
    public static DraftLetterInput Parse(DraftLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var agencyId = check.Text(request.AgencyId, 100, "agencyId", "the agency");
        var language = check.Word(request.Language, Vocabulary.Languages, "language", "language");
        var templateId = string.IsNullOrWhiteSpace(request.TemplateId) ? null : request.TemplateId.Trim();
        string? kind = null;
        if (templateId is null || !string.IsNullOrWhiteSpace(request.Kind))
            kind = check.Word(request.Kind, Vocabulary.Kinds, "kind", "letter kind");
        // Without a template the operator writes the letter; with one, it is rendered from the template.
        var subject = check.Text(request.Subject, LetterInput.MaxSubjectLength, "subject", templateId is null ? "the subject" : null);
        var body = check.Text(request.Body, LetterInput.MaxBodyLength, "body", templateId is null ? "the body" : null);
        var familyMember = string.IsNullOrWhiteSpace(request.FamilyMemberId) ? null : request.FamilyMemberId.Trim();
        var expected = ServiceDefaults.EventStore.StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return new DraftLetterInput(caseId, agencyId, kind, language, templateId, familyMember, subject, body, expected, occurredAt);
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, DraftLetter command)
    {
        file.EnsureOpen("drafted");
        LetterRules.EnsureNotBefore(command.OccurredAt, file.OpenedAt, "the case was opened");
        if (file.Letters.ContainsKey(command.LetterId))
            throw new RuleViolated($"letter {command.LetterId} already exists in the file");
        return
        [
            new LetterDrafted(file.Id, command.LetterId, command.AgencyId, command.AgencyName, command.Kind, command.Language,
                command.TemplateId, command.Subject, command.Body, command.OccurredAt),
        ];
    }
}
