namespace CaseFlow.Intake.Cases.Assigning;

public sealed record AssignCase(string Operator, DateTimeOffset OccurredAt);

public static class AssignCaseRules
{
    public static (StreamCommand Target, AssignCase Command) Parse(AssignCaseRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "AssignCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var @operator = check.Text(request.Operator, "operator", "the operator's user name", PersonName.MaxLength);
        check.ThrowIfAny();
        return (target, new AssignCase(@operator, occurredAt));
    }

    /// <summary>Assigning the operator who already handles the case is nothing new.</summary>
    public static IReadOnlyList<object> Decide(Case state, AssignCase command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        return state.AssignedOperator == command.Operator ? [] : [new CaseAssigned(state.Id, command.Operator, command.OccurredAt)];
    }
}
