using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Intake.Cases.Reopening;

public static class ReopenCase
{
    public static IReadOnlyList<object> Decide(Case state, string reason, DateTimeOffset occurredAt)
    {
        if (state.Status != CaseStatus.Closed) throw new RuleViolated($"case {state.Id} is open; only a closed case can be reopened");
        CaseRules.EnsureNotBeforeOpening(state, occurredAt);
        if (state.ClosedAt is { } closedAt && occurredAt < closedAt)
            throw new InvalidInput("occurredAt", $"{occurredAt:O} is before the case was closed ({closedAt:O})");
        return [new CaseReopened(state.Id, state.CenterId, reason, occurredAt)];
    }
}
