namespace CaseFlow.Intake.Cases.Reopening;

public sealed record ReopenCase(string Reason, DateTimeOffset OccurredAt);

public static class ReopenCaseRules
{
    public static (StreamCommand Target, ReopenCase Command) Parse(ReopenCaseRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "ReopenCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var reason = check.Text(request.Reason, "reason", "the reason for reopening");
        check.ThrowIfAny();
        return (target, new ReopenCase(reason, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, ReopenCase command)
    {
        if (state.Status != CaseStatus.Closed) throw new RuleViolated($"case {state.Id} is open; only a closed case can be reopened");
        CaseRules.EnsureNotBeforeOpening(state, command.OccurredAt);
        if (state.ClosedAt is { } closedAt && command.OccurredAt < closedAt)
            throw new InvalidInput("occurredAt", $"{command.OccurredAt:O} is before the case was closed ({closedAt:O})");
        return [new CaseReopened(state.Id, state.CenterId, state.AboutApplicant(command.Reason), command.OccurredAt)];
    }
}
