using CaseFlow.ServiceDefaults.Admin.DeadLetters;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Admin.Status;

/// <summary>
/// Reads a service's operational figures: readiness, how far the relay and each async projection are behind the last
/// committed event (in events, and in seconds the oldest unread event has waited, from <c>mt_event_progression</c> and
/// <c>mt_events</c>), its consumer queues' depths and its dead letters. A figure that cannot be read (the database or
/// the broker is down) is reported as such, never as a failure of the whole status.
/// </summary>
public sealed class ServiceStatusReader(ServiceIdentity service, ServiceInstance instance, IDocumentStore store, NpgsqlDataSource database,
    HealthCheckService health, TimeProvider clock, IEnumerable<IOperationsFigure> figures, BrokerQueues? broker = null,
    DeadLetters.DeadLetters? deadLetters = null, IProjectionCoordinator? coordinator = null)
{
    public const string RelayName = "outbox-relay";

    public async Task<StatusSnapshot> Read(CancellationToken ct)
    {
        var ready = await health.CheckHealthAsync(c => c.Tags.Contains(Health.Ready), ct);
        var notes = ready.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } d ? $" ({d})" : "")}").ToList();

        long highWaterMark = 0;
        Lag? relay = null;
        var projections = new List<Lag>();
        var extra = new Dictionary<string, long>();
        try
        {
            (highWaterMark, var lags) = await Lags(ct);
            relay = lags.FirstOrDefault(l => l.Name.StartsWith(RelayName, StringComparison.Ordinal));
            projections.AddRange(lags.Where(l => l != relay));
            foreach (var figure in figures) extra[figure.Name] = await figure.Read(ct);
        }
        catch (Exception e) when (Errors.DatabaseUnreachable.Is(e))
        {
            notes.Add("database: out of reach, no positions");
        }

        var queues = new List<QueueFigures>();
        long dead = -1;
        var reachable = broker is not null;
        if (broker is not null)
        {
            try
            {
                foreach (var queue in broker.ConsumerQueues)
                    if (await broker.Depth(queue, ct) is { } depth) queues.Add(new QueueFigures(queue, depth.Messages, depth.Consumers));
                dead = deadLetters is null ? 0 : await deadLetters.Count(ct);
            }
            catch (Exception e) when (e is BrokerOutOfReach or RabbitMQ.Client.Exceptions.AlreadyClosedException)
            {
                reachable = false;
                notes.Add("rabbitmq: out of reach, no queue depths");
            }
        }
        return new StatusSnapshot(service.Name, ready.Status.ToString().ToLowerInvariant(), notes, highWaterMark, relay, projections,
            reachable, queues, dead, extra, instance.Name, RunningAgents());
    }

    /// <summary>
    /// The daemon's agents running in this process. Under HotCold each agent (the relay, each async projection) runs
    /// where its advisory lock is held, so a standby copy lists none.
    /// </summary>
    private IReadOnlyList<string> RunningAgents()
    {
        if (coordinator is null) return [];
        try
        {
            return [.. coordinator.DaemonForMainDatabase().CurrentAgents()
                .Where(a => a.Status == JasperFx.AgentStatus.Running).Select(a => a.Name.Identity).Order(StringComparer.Ordinal)];
        }
        catch (ObjectDisposedException) { return []; }
    }

    /// <summary>Every daemon-run reader's position against the last committed event; the high-water mark row is the daemon's own.</summary>
    private async Task<(long HighWaterMark, IReadOnlyList<Lag> Lags)> Lags(CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = await database.OpenConnectionAsync(ct);
        long last;
        await using (var max = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events", connection))
            last = (long)(await max.ExecuteScalarAsync(ct))!;

        var positions = new List<(string Name, long Position)>();
        await using (var progress = new NpgsqlCommand(
            $"select name, last_seq_id from {schema}.mt_event_progression where name <> 'HighWaterMark' order by name", connection))
        await using (var reader = await progress.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) positions.Add((reader.GetString(0), reader.GetInt64(1)));

        var now = clock.GetUtcNow();
        var lags = new List<Lag>();
        foreach (var (name, position) in positions)
        {
            double seconds = 0;
            if (position < last)
            {
                await using var oldest = new NpgsqlCommand($"select min(timestamp) from {schema}.mt_events where seq_id > $1", connection);
                oldest.Parameters.AddWithValue(position);
                if (await oldest.ExecuteScalarAsync(ct) is DateTime at)
                    seconds = Math.Max(0, (now - new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))).TotalSeconds);
            }
            lags.Add(new Lag(name, position, Math.Max(0, last - position), seconds));
        }
        return (last, lags);
    }
}
