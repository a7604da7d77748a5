using CaseFlow.ServiceDefaults.Privacy.Consent;
using SharingConsent = CaseFlow.ServiceDefaults.Privacy.Consent.SharingConsent;

namespace CaseFlow.Intake.Cases.Consenting;

/// <param name="ConsentId">Null for a new consent.</param>
public sealed record GiveConsent(Guid? ConsentId, Guid NewConsentId, IReadOnlyList<string> AgencyKinds, string Purpose, string? Note,
    DateTimeOffset OccurredAt);

public static class GiveConsentRules
{
    public const int MaxPurpose = 500;

    public static (StreamCommand Target, GiveConsent Command) Parse(GiveConsentRequest request, Guid newConsentId, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "GiveConsent", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        Guid? consentId = string.IsNullOrWhiteSpace(request.ConsentId) ? null : check.Id(request.ConsentId, "consentId");
        var kinds = request.AgencyKinds
            .Select((kind, i) => check.OneOf(kind, SharingConsents.AgencyKinds, $"agencyKinds[{i}]", "agency kind"))
            .Distinct().ToList();
        if (request.AgencyKinds.Count == 0)
            check.Add("agencyKinds", $"at least one kind of agency is required; use any of: {string.Join(", ", SharingConsents.AgencyKinds)}");
        var purpose = check.Text(request.Purpose, "purpose", "the purpose the person agreed to", MaxPurpose);
        var note = check.OptionalText(request.Note, "note");
        check.ThrowIfAny();
        return (target, new GiveConsent(consentId, newConsentId, kinds, purpose, note, occurredAt));
    }

    /// <summary>A new consent starts at version 1; a new version of one replaces what it covers from its business time on.</summary>
    public static IReadOnlyList<object> Decide(Case state, GiveConsent command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        var version = 1;
        if (command.ConsentId is { } id)
        {
            var current = state.Consent(id) ?? throw new NotFound($"no consent {id} in case {state.Id}");
            version = current.Version + 1;
        }
        var consent = new SharingConsent(command.ConsentId ?? command.NewConsentId, version, command.AgencyKinds, command.Purpose,
            command.OccurredAt, null);
        return [new ConsentToShareGiven(state.Id, state.CenterId, consent, state.AboutApplicantOptional(command.Note), command.OccurredAt)];
    }

    /// <summary>The consent and its version from the decided event; a repeated withdrawal answers the version in force.</summary>
    public static ConsentChanged Respond(Case before, IReadOnlyList<object> decided, long version, Guid consentId)
    {
        var consent = decided.Select(e => e switch
        {
            ConsentToShareGiven given => given.Consent,
            ConsentToShareWithdrawn withdrawn => withdrawn.Consent,
            _ => null,
        }).LastOrDefault(c => c is not null) ?? before.Consent(consentId)!;
        return new ConsentChanged
        {
            CaseId = before.Id.ToString(), Version = version, ConsentId = consent.ConsentId.ToString(), ConsentVersion = consent.Version,
        };
    }
}
