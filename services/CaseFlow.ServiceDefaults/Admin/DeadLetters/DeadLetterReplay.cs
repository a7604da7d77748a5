namespace CaseFlow.ServiceDefaults.Admin.DeadLetters;

/// <summary>
/// The record of a dead letter's replays, kept in the service's store (document id: the message id): who moved it
/// back and when, and when it had failed, so a second replay of the same letter says it was already done.
/// </summary>
public sealed record DeadLetterReplay(string Id, string Queue, string MessageType, string? CaseId, IReadOnlyList<Replay> Replays)
{
    public DateTimeOffset? FirstFailedAt => Replays.Select(r => r.FailedAt).Where(at => at is not null).Min();
}

public sealed record Replay(string By, DateTimeOffset At, DateTimeOffset? FailedAt, string Error);
