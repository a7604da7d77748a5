using CaseFlow.ServiceDefaults.Audit;
using JasperFx.Events;

namespace CaseFlow.Intake.Cases.CorrectingBusinessTime;

/// <summary>
/// The business time of an earlier fact of the case was entered wrongly: a fact of its own, so the history keeps both
/// the time first recorded and the corrected one; state as of a time and the timeline use the corrected one.
/// </summary>
/// <param name="WasAt">The fact's business time before this correction (as first recorded, or as last corrected).</param>
/// <param name="OccurredAt">When the correction was made.</param>
public sealed record BusinessTimeCorrected(
    Guid CaseId, long FactVersion, string FactType, DateTimeOffset WasAt, DateTimeOffset CorrectedAt, Sealed<string> Reason,
    DateTimeOffset OccurredAt) : IBusinessTimeCorrection;

public sealed record CorrectBusinessTime(long FactVersion, DateTimeOffset CorrectedAt, string Reason, DateTimeOffset OccurredAt);

/// <summary>The fact a correction is about, as the case's history holds it.</summary>
public sealed record KnownFact(long Version, string Type, DateTimeOffset? OccurredAt, bool IsCorrection);

public static class CorrectBusinessTimeRules
{
    public static (StreamCommand Target, CorrectBusinessTime Command) Parse(CorrectBusinessTimeRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "CorrectBusinessTime", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        check.That(request.FactVersion > 0, "factVersion", "the version of the fact to correct (its number in the case's history)");
        check.That(request.CorrectedOccurredAt is not null, "correctedOccurredAt", "when the fact really happened");
        var corrected = check.BusinessTime(request.CorrectedOccurredAt, now, "correctedOccurredAt");
        var reason = check.Text(request.Reason, "reason", "why the time was wrong");
        check.ThrowIfAny();
        return (target, new CorrectBusinessTime(request.FactVersion, corrected, reason, now));
    }

    /// <summary>The fact at that version, read before the command (a stored fact never changes); null when there is none.</summary>
    public static async Task<KnownFact?> Fact(EventSessions sessions, StreamCommand target, CorrectBusinessTime command, CancellationToken ct)
    {
        await using var session = sessions.Query();
        var events = await session.Events.FetchStreamAsync(target.StreamId, command.FactVersion, token: ct);
        return events.LastOrDefault(e => e.Version == command.FactVersion) is { } e
            ? new KnownFact(e.Version, e.Data.GetType().Name, HashChain.OccurredAt(e.Data), e.Data is IBusinessTimeCorrection)
            : null;
    }

    public static IReadOnlyList<object> Decide(Case state, CorrectBusinessTime command, KnownFact? fact)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        if (fact is null || fact.Version > state.Version) throw new NotFound($"case {state.Id} has no fact {command.FactVersion}");
        if (fact.IsCorrection) throw new RuleViolated($"fact {fact.Version} is itself a correction: correct fact {fact.Type} again instead");
        if (fact.Version == 1) throw new RuleViolated("the case's opening time anchors every other time of the case and is not corrected");
        if (fact.Type.EndsWith("Noted", StringComparison.Ordinal) || fact.Type == nameof(ReunionReported))
            throw new RuleViolated($"{fact.Type} was reported by another service, which keeps its time: correct it there");
        if (fact.OccurredAt is not { } recorded) throw new RuleViolated($"{fact.Type} carries no business time");
        if (command.CorrectedAt < state.OpenedAt)
            throw new RuleViolated($"{command.CorrectedAt:O} is before the case was opened ({state.OpenedAt:O})");
        var was = state.CorrectedTimes.GetValueOrDefault(fact.Version, recorded);
        return was == command.CorrectedAt ? []
            : [new BusinessTimeCorrected(state.Id, fact.Version, fact.Type, was, command.CorrectedAt, state.AboutApplicant(command.Reason), command.OccurredAt)];
    }
}
