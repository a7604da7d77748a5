namespace CaseFlow.Intake.Cases.Referring;

public sealed record ReferCase(string ReferredTo, string Reason, bool ConsentGiven, string? ConsentNote, DateTimeOffset OccurredAt);

public static class ReferCaseRules
{
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
        // The applicant's data leaves the center only with their consent.
        if (!command.ConsentGiven)
            throw new RuleViolated("a referral needs the applicant's recorded consent (consentGiven)");
        return [new CaseReferred(state.Id, command.ReferredTo, command.Reason, command.ConsentNote, command.OccurredAt)];
    }
}
