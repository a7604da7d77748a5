using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Messaging;
using Marten;
using Npgsql;
using RabbitMQ.Client;

namespace CaseFlow.ServiceDefaults.Admin.DeadLetters;

/// <summary>
/// The service's dead letters: what its consumers gave up on, lying in their queues' _error queues. Listing takes each
/// message without acknowledging it and lets the channel's close put it back where it was. Replaying moves one back to
/// its queue: the copy is confirmed by the broker and the replay recorded before the dead letter is acknowledged, so a
/// crash in between leaves a duplicate at worst, which the consumer's inbox drops. Listings and replays of one service
/// take turns on a PostgreSQL advisory lock, across its instances: a letter another call holds unacknowledged is never
/// missed (answered not found) nor moved back and recorded twice.
/// </summary>
public sealed class DeadLetters(BrokerQueues broker, IDocumentStore store, NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>At most this many per queue are looked at in one call: a flood of failures must not hold them all unacked.</summary>
    private const int PerQueueLimit = 1000;

    public sealed record Listed(DeadLetterMessage Message, DeadLetterReplay? Replayed);

    public sealed record Replayed(string Id, string Queue, string MessageType, bool Now, Replay Last);

    public async Task<long> Count(CancellationToken ct)
    {
        long total = 0;
        foreach (var queue in broker.ConsumerQueues)
            total += (await broker.Depth(queue + BrokerQueues.ErrorSuffix, ct))?.Messages ?? 0;
        return total;
    }

    public Task<IReadOnlyList<Listed>> List(CancellationToken ct) => OneAtATime(() => ListNow(ct), ct);

    /// <summary>Replays one message (by id) or, with no id, every dead letter of the service.</summary>
    public Task<IReadOnlyList<Replayed>> Replay(string? id, string by, CancellationToken ct) => OneAtATime(() => ReplayNow(id, by, ct), ct);

    /// <summary>
    /// Runs <paramref name="visit"/> holding the service's dead-letter lock: a transaction-scoped advisory lock, so it is
    /// released with the transaction whatever happens, also when the process dies or its connection is cut.
    /// </summary>
    private async Task<T> OneAtATime<T>(Func<Task<T>> visit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            take.Parameters.AddWithValue($"caseflow-dead-letters:{store.Options.Events.DatabaseSchemaName}");
            await take.ExecuteNonQueryAsync(ct);
        }
        var result = await visit();
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task<IReadOnlyList<Listed>> ListNow(CancellationToken ct)
    {
        var letters = new List<DeadLetterMessage>();
        foreach (var queue in broker.ConsumerQueues)
            await Look(queue, ct, (message, _) =>
            {
                letters.Add(message);
                return Task.FromResult(Visit.Leave);
            });
        await using var session = store.QuerySession();
        var replays = (await session.LoadManyAsync<DeadLetterReplay>(ct, letters.Select(l => l.Id).Distinct()))
            .ToDictionary(r => r.Id);
        return letters.Select(l => new Listed(l, replays.GetValueOrDefault(l.Id))).ToList();
    }

    private async Task<IReadOnlyList<Replayed>> ReplayNow(string? id, string by, CancellationToken ct)
    {
        var done = new List<Replayed>();
        foreach (var queue in broker.ConsumerQueues)
        {
            await using var publisher = await broker.Channel(confirms: true, ct);
            await Look(queue, ct, async (message, delivered) =>
            {
                if (id is not null && message.Id != id) return Visit.Leave;
                done.Add(await MoveBack(publisher, queue, message, delivered, by, ct));
                return id is null ? Visit.Taken : Visit.TakenLast; // one id is one message
            });
            if (id is not null && done.Count > 0) return done;
        }
        if (id is null) return done;

        // Not among the dead letters: replayed before (say so, change nothing) or never one.
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<DeadLetterReplay>(id, ct)
            ?? throw new NotFound($"no dead letter with id '{id}' in this service (see ListDeadLetters)");
        return [new Replayed(record.Id, record.Queue, record.MessageType, Now: false, record.Replays[^1])];
    }

    private async Task<Replayed> MoveBack(IChannel publisher, string queue, DeadLetterMessage message, BasicGetResult delivered,
        string by, CancellationToken ct)
    {
        await publisher.BasicPublishAsync("", queue, mandatory: true, DeadLetterMessage.ForReplay(delivered.BasicProperties, by),
            delivered.Body, ct);
        var replay = new Replay(by, clock.GetUtcNow(), message.FailedAt, message.Error);
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<DeadLetterReplay>(message.Id, ct)
            ?? new DeadLetterReplay(message.Id, queue, message.MessageType, message.CaseId, []);
        session.Store(record with { Replays = [.. record.Replays, replay] });
        await session.SaveChangesAsync(ct);
        return new Replayed(message.Id, queue, message.MessageType, Now: true, replay);
    }

    private enum Visit { Leave, Taken, TakenLast }

    /// <summary>
    /// Hands each message of the queue's _error queue to <paramref name="visit"/>: a message it took (replayed) is
    /// acknowledged, i.e. removed from the _error queue; closing the channel puts back every one it left.
    /// </summary>
    private async Task Look(string queue, CancellationToken ct, Func<DeadLetterMessage, BasicGetResult, Task<Visit>> visit)
    {
        var errors = queue + BrokerQueues.ErrorSuffix;
        if (await broker.Depth(errors, ct) is not { Messages: > 0 } depth) return;
        await using var channel = await broker.Channel(confirms: false, ct);
        for (var i = 0; i < Math.Min(depth.Messages, PerQueueLimit); i++)
        {
            if (await channel.BasicGetAsync(errors, autoAck: false, ct) is not { } delivered) break;
            var visited = await visit(DeadLetterMessage.Read(queue, delivered), delivered);
            if (visited != Visit.Leave) await channel.BasicAckAsync(delivered.DeliveryTag, multiple: false, ct);
            if (visited == Visit.TakenLast) break;
        }
        await channel.CloseAsync(ct);
    }
}
