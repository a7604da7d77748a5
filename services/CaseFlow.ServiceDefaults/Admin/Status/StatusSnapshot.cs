namespace CaseFlow.ServiceDefaults.Admin.Status;

/// <summary>How far a reader of the events (the relay, a projection) is behind what was committed.</summary>
public sealed record Lag(string Name, long Position, long Events, double Seconds);

public sealed record QueueFigures(string Queue, long Messages, int Consumers);

/// <summary>What <c>caseflow admin status</c> and /metrics show of one service at one moment.</summary>
public sealed record StatusSnapshot(
    string Service, string Health, IReadOnlyList<string> HealthNotes, long HighWaterMark, Lag? Relay, IReadOnlyList<Lag> Projections,
    bool BrokerReachable, IReadOnlyList<QueueFigures> Queues, long DeadLetters, IReadOnlyDictionary<string, long> Figures,
    string Instance, IReadOnlyList<string> DaemonAgents)
{
    /// <summary>Whether this instance runs the outbox relay: the one that holds the relay's advisory lock (HotCold).</summary>
    public bool RunsRelay => DaemonAgents.Any(a => a.StartsWith(ServiceStatusReader.RelayName, StringComparison.Ordinal));
}
