using CaseFlow.ServiceDefaults.Privacy.Consent;

namespace CaseFlow.Intake.Cases.Referring;

public sealed record ReferCase(string ReferredTo, string Reason, bool ConsentGiven, string? ConsentNote, DateTimeOffset OccurredAt);

public static class ReferCaseRules
{
    /// <summary>The kind of agency a referral discloses the case to.</summary>
    public const string ServiceProvider = "service-provider";

    public static (StreamCommand Target, ReferCase Command) Parse(ReferCaseRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "ReferCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var to = check.Text(request.ReferredTo, "referredTo", "the agency or service referred to");
        var reason = check.Text(request.Reason, "reason", "the reason for the referral");
        var consentNote = check.OptionalText(request.ConsentNote, "consentNote");
        check.ThrowIfAny();
        return (target, new ReferCase(to, reason, request.ConsentGiven, consentNote, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, ReferCase command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        // The applicant's data leaves the center only under a consent in force (GiveConsent); the old consentGiven
        // flag is still accepted but no longer enough.
        var consent = state.Consents.Require(ServiceProvider, command.OccurredAt, $"the referral to {command.ReferredTo}");
        return
        [
            new CaseReferred(state.Id, command.ReferredTo, state.AboutApplicant(command.Reason),
                state.AboutApplicantOptional(command.ConsentNote), command.OccurredAt, consent.ConsentId, consent.Version),
        ];
    }
}
