using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Intake.Cases.Referring;

public sealed record ReferralRequest(string ReferredTo, string Reason, bool ConsentGiven, string? ConsentNote);

public static class ReferCase
{
    public static IReadOnlyList<object> Decide(Case state, ReferralRequest referral, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        // The applicant's data leaves the center only with their consent.
        if (!referral.ConsentGiven)
            throw new RuleViolated("a referral needs the applicant's recorded consent (consentGiven)");
        return [new CaseReferred(state.Id, referral.ReferredTo, referral.Reason, referral.ConsentNote, occurredAt)];
    }
}
