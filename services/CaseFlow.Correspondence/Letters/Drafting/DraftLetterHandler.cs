using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.CaseData;
using CaseFlow.Correspondence.Templates;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Letters.Drafting;

public sealed class DraftLetterHandler(
    LetterCommands letters, AgencyDirectory agencies, TemplateLibrary templates, IntakeCases intake, TimeProvider clock)
{
    public async Task<LetterChanged> Handle(DraftLetterRequest request, Caller caller, string? authorization, CancellationToken ct)
    {
        var input = DraftLetterRules.Parse(request, clock.GetUtcNow());
        var agency = await agencies.Find(input.AgencyId, ct)
            ?? throw new InvalidInput("agencyId", $"unknown agency '{input.AgencyId}'; the directory is at /v1/agencies");
        var (text, kind) = Source(input);
        var values = LetterValues.From(
            text.NeedsCase ? await intake.Get(input.CaseId, authorization, ct) : null,
            agency, caller.User, input.FamilyMemberId, input.OccurredAt, input.Language);
        var rendered = text.Render(values);

        var command = new DraftLetter(Guid.CreateVersion7(), agency.Id, agency.Name, kind, input.Language, input.TemplateId,
            rendered.Subject, rendered.Body, input.OccurredAt);
        var stream = new StreamCommand("correspondence.DraftLetter", "correspondence file of case", input.CaseId,
            input.ExpectedVersion, request.RequestId);
        return await letters.Run(stream, request, caller, command.LetterId, file => DraftLetterRules.Decide(file, command), ct);
    }

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
