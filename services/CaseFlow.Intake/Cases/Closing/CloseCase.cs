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

    /// <summary>
    /// Reunified means every separated member the family still wants home is home. Intake's separated members are the
    /// ones Reunification tracks (each reported separation opens a track), and Intake knows them first, so a track not
    /// opened yet still counts as waiting. A track called off (the family no longer wants that member's return) does not
    /// hold the case back; a failed one does: the case would tell the family, the donors and the next lawyer that a
    /// child is home who is not, so such a case closes with another outcome that its summary explains.
    /// </summary>
    private static void EnsureReunified(Case state)
    {
        if (!state.ReunionReported)
            throw new RuleViolated("outcome 'reunified': the case can be closed as reunified only after Reunification reported the reunion");
        var notReunited = state.Reunifications
            .Where(r => r.End is not (TrackEnd.Reunited or TrackEnd.Cancelled))
            .Select(r => (r.MemberId, Why: r.End == TrackEnd.Failed ? "reunification failed" : "not reunited yet"))
            .ToList();
        if (notReunited.Count == 0) return;
        var failed = notReunited.Any(m => m.Why == "reunification failed");
        throw new RuleViolated(
            $"outcome 'reunified': every separated member must be reunited or their reunification called off; not reunited: "
            + string.Join(", ", notReunited.Select(m => $"{m.MemberId} ({m.Why})"))
            + (failed ? "; a case with a failed reunification closes with another outcome, its summary saying who is home" : ""),
            [.. notReunited.Select(m => new RuleSubject("REUNIFICATION", $"family/{m.MemberId}", m.Why))]);
    }
}
