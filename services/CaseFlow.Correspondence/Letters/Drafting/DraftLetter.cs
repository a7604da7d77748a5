using CaseFlow.ServiceDefaults.Privacy.AskingIntake;
using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.CaseData;
using CaseFlow.Correspondence.Templates;

namespace CaseFlow.Correspondence.Letters.Drafting;

/// <param name="Subject">Sealed, like the body, under the applicant and the family member the letter speaks of.</param>
public sealed record LetterDrafted(
    Guid CaseId, Guid LetterId, string AgencyId, string AgencyName, string Kind, string Language, string? TemplateId,
    Sealed<string> Subject, Sealed<string> Body, DateTimeOffset OccurredAt, string? AgencyKind = null);

/// <summary>What the request asks for, before the agency, the template and the case's data are looked up.</summary>
public sealed record DraftLetterInput(
    Guid CaseId, string AgencyId, string? Kind, string Language, string? TemplateId, string? FamilyMemberId,
    string Subject, string Body, long? ExpectedVersion, DateTimeOffset OccurredAt);

public sealed record DraftLetter(
    Guid LetterId, string AgencyId, string AgencyName, string AgencyKind, string Kind, string Language, string? TemplateId,
    Sealed<string> Subject, Sealed<string> Body, DateTimeOffset OccurredAt) : ILetterCommand
{
    public static DraftLetterInput Parse(Api.V1.DraftLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var agencyId = check.Text(request.AgencyId, "agencyId", "the agency", LetterLimits.MaxAgencyId);
        var language = check.OneOf(request.Language, Vocabulary.Languages, "language", "language");
        var templateId = string.IsNullOrWhiteSpace(request.TemplateId) ? null : request.TemplateId.Trim();
        string? kind = null;
        if (templateId is null || !string.IsNullOrWhiteSpace(request.Kind))
            kind = check.OneOf(request.Kind, Vocabulary.Kinds, "kind", "letter kind");
        // Without a template the operator writes the letter; with one, it is rendered from the template.
        var subject = check.Text(request.Subject, "subject", templateId is null ? "the subject" : null, LetterLimits.MaxSubject);
        var body = check.Text(request.Body, "body", templateId is null ? "the body" : null, LetterLimits.MaxBody);
        var familyMember = string.IsNullOrWhiteSpace(request.FamilyMemberId) ? null : request.FamilyMemberId.Trim();
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return new DraftLetterInput(caseId, agencyId, kind, language, templateId, familyMember, subject, body, expected, occurredAt);
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        file.EnsureOpen("drafted");
        LetterRules.EnsureNotBefore(OccurredAt, file.OpenedAt, "the case was opened");
        if (file.Letters.ContainsKey(LetterId)) throw new RuleViolated($"letter {LetterId} already exists in the file");
        return [new LetterDrafted(file.Id, LetterId, AgencyId, AgencyName, Kind, Language, TemplateId, Subject, Body, OccurredAt, AgencyKind)];
    }
}

/// <summary>Finds the agency and the template, asks Intake for the case's values the text uses, and renders the letter.</summary>
public sealed class DraftLetterHandler(AgencyDirectory agencies, TemplateLibrary templates, IntakeCases intake)
{
    /// <param name="authorization">The caller's own token, passed on to Intake so it applies the caller's permissions.</param>
    public async Task<(StreamCommand File, DraftLetter Command)> Prepare(Api.V1.DraftLetterRequest request, Caller caller,
        string? authorization, DateTimeOffset now, CancellationToken ct)
    {
        var input = DraftLetter.Parse(request, now);
        var agency = await agencies.Find(input.AgencyId, ct)
            ?? throw new InvalidInput("agencyId", $"unknown agency '{input.AgencyId}'; the directory is at /v1/agencies");
        var (text, kind) = Source(input);
        var details = text.NeedsCase ? await intake.Get(input.CaseId, authorization, ct) : null;
        var values = LetterValues.From(details, agency, caller.User, input.FamilyMemberId, input.OccurredAt, input.Language);
        var rendered = text.Render(values);
        var people = PeopleOf(input.CaseId, details is null ? input.FamilyMemberId : LetterValues.FamilyMember(details, input.FamilyMemberId)?.MemberId);
        return (new StreamCommand("correspondence.DraftLetter", "correspondence file of case", input.CaseId, input.ExpectedVersion,
                request.RequestId),
            new DraftLetter(Guid.CreateVersion7(), agency.Id, agency.Name, agency.Kind, kind, input.Language, input.TemplateId,
                Sealed.For(people, rendered.Subject), Sealed.For(people, rendered.Body), input.OccurredAt));
    }

    /// <summary>
    /// Whose data the letter holds: always the applicant's, and the family member's it speaks of, so that erasing either
    /// erases the letter's text.
    /// </summary>
    public static IReadOnlyList<Guid> PeopleOf(Guid caseId, string? familyMemberId) => familyMemberId is null
        ? [Subjects.Applicant(caseId)]
        : [Subjects.Applicant(caseId), Subjects.Member(caseId, familyMemberId)];

    private (LetterText Text, string Kind) Source(DraftLetterInput input)
    {
        if (input.TemplateId is not { } templateId) return (LetterText.Parse(input.Subject, input.Body), input.Kind!);
        var template = templates.Find(templateId, input.Language) ?? throw new InvalidInput("templateId", templates.Has(templateId)
            ? $"template '{templateId}' has no '{input.Language}' version"
            : $"unknown template '{templateId}'; the templates are at /v1/letter-templates");
        if (input.Kind is { } kind && kind != template.Kind)
            throw new InvalidInput("kind", $"template '{templateId}' is a {template.Kind}, not a {kind}");
        return (template.Parse(), template.Kind);
    }
}
