namespace CaseFlow.Intake.Cases.Closing;

public sealed record CloseCase(CaseOutcome Outcome, string Summary, DateTimeOffset OccurredAt);

public static class CloseCaseRules
{
    public static (StreamCommand Target, CloseCase Command) Parse(CloseCaseRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "CloseCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.That(Words.TryParse<CaseOutcome>(request.Outcome, out var outcome), "outcome",
            $"unknown outcome '{request.Outcome}'; use one of: {Words.All<CaseOutcome>()}");
        var summary = check.Text(request.Summary, "summary", "a summary of the outcome");
        check.ThrowIfAny();
        return (target, new CloseCase(outcome, summary, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, CloseCase command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        if (command.Outcome == CaseOutcome.Reunified) EnsureReunified(state);
        return [new CaseClosed(state.Id, state.CenterId, command.Outcome, state.AboutApplicant(command.Summary), command.OccurredAt)];
    }

    /// <summary>Reunified: at least one reunion, and every other separated member's track ended too (reunited, failed or called off).</summary>
    private static void EnsureReunified(Case state)
    {
        if (!state.TrackEnds.Values.Contains(TrackEnd.Reunited))
            throw new RuleViolated("the case can be closed as reunified only after Reunification reported the reunion");
        if (state.StillSeparated is { Count: > 0 } waiting)
            throw new RuleViolated($"the case can be closed as reunified only when every separated member's reunification has ended; still separated: {string.Join(", ", waiting)}");
    }
}
