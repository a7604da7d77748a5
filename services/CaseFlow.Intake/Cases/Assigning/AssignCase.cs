namespace CaseFlow.Intake.Cases.Assigning;

public static class AssignCase
{
    public static IReadOnlyList<object> Decide(Case state, string @operator, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        return state.AssignedOperator == @operator ? [] : [new CaseAssigned(state.Id, @operator, occurredAt)];
    }
}
