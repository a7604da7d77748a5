using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Intake.Cases.Closing;

public static class CloseCase
{
    public static IReadOnlyList<object> Decide(Case state, CaseOutcome outcome, string summary, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        if (outcome == CaseOutcome.Reunified && !state.ReunionReported)
            throw new RuleViolated("the case can be closed as reunified only after Reunification reported the reunion");
        return [new CaseClosed(state.Id, state.CenterId, outcome, summary, occurredAt)];
    }
}
