using System.Diagnostics;
using CaseFlow.Admin.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Admin.Status;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Admin;

/// <summary>
/// Lists a service's projections and rebuilds one from the events, streaming its progress; lists and replays its dead
/// letters; tells its status. For supervisors: admin.proto
/// declares it, the call gate enforces it.
/// </summary>
public sealed class AdminApi(IDocumentStore store, NpgsqlDataSource database, ServiceIdentity service,
    DeadLetters.DeadLetters deadLetters, ServiceStatusReader status) : CaseFlow.Admin.Api.V1.Admin.AdminBase
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public override Task<ProjectionList> ListProjections(ListProjectionsRequest request, ServerCallContext context)
    {
        var list = new ProjectionList { Service = service.Name };
        list.Projections.AddRange(store.Options.Events.Projections().Select(p => new Projection
        {
            Name = p.Name, Lifecycle = p.Lifecycle.ToString().ToLowerInvariant(),
        }));
        return Task.FromResult(list);
    }

    public override async Task RebuildProjection(RebuildProjectionRequest request, IServerStreamWriter<RebuildProgress> progress,
        ServerCallContext context)
    {
        var names = store.Options.Events.Projections().Select(p => p.Name).ToList();
        if (!names.Contains(request.Name))
            throw new InvalidInput("name", $"unknown projection '{request.Name}'; known: {string.Join(", ", names)}");

        var clock = Stopwatch.StartNew();
        await AnalyzeEvents(context.CancellationToken);
        var total = (await store.Advanced.FetchEventStoreStatistics(token: context.CancellationToken)).EventSequenceNumber;
        using var daemon = await store.BuildProjectionDaemonAsync();
        var rebuild = daemon.RebuildProjectionAsync(request.Name, context.CancellationToken);
        while (await Task.WhenAny(rebuild, Task.Delay(ProgressInterval, context.CancellationToken)) != rebuild)
            await progress.WriteAsync(new RebuildProgress { Name = request.Name, Processed = await Processed(request.Name), Total = total, Seconds = clock.Elapsed.TotalSeconds });
        await rebuild;
        await progress.WriteAsync(new RebuildProgress { Name = request.Name, Processed = total, Total = total, Done = true, Seconds = clock.Elapsed.TotalSeconds });
    }

    /// <summary>
    /// A rebuild reads every event in pages of 500 from its mark to the last event, and each page is planned on the
    /// tables' statistics. Right after a bulk load (a migration, a restore, the bench's R1) autovacuum may not have
    /// analyzed them yet: PostgreSQL then expects a few hundred events in the range, joins and sorts all of them
    /// (67,336 read to return 500, caught by auto_explain) and the rebuild runs 2–4× slower (docs/benchmark.md,
    /// "Generic plans"). Analyzing samples a fixed number of rows: well under a second on a large store.
    /// </summary>
    private async Task AnalyzeEvents(CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var analyze = database.CreateCommand($"analyze {schema}.mt_events, {schema}.mt_streams");
        await analyze.ExecuteNonQueryAsync(cancellation);
    }

    public override async Task<DeadLetterList> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        var list = new DeadLetterList { Service = service.Name };
        list.Letters.AddRange((await deadLetters.List(context.CancellationToken)).Select(l => new DeadLetter
        {
            Id = l.Message.Id, Queue = l.Message.Queue, MessageType = l.Message.MessageType, CaseId = l.Message.CaseId ?? "",
            Error = l.Message.Error,
            FirstFailedAt = Stamp(l.Replayed?.FirstFailedAt ?? l.Message.FailedAt),
            LastFailedAt = Stamp(l.Message.FailedAt),
            Replays = l.Replayed?.Replays.Count ?? 0,
        }));
        return list;
    }

    public override async Task<ReplayOutcome> ReplayDeadLetters(ReplayDeadLettersRequest request, ServerCallContext context)
    {
        var id = request.Id.Trim();
        if (id.Length == 0 == !request.All)
            throw new InvalidInput(id.Length == 0 ? "id" : "all", "give either the id of one dead letter or all = true, not both");
        var by = Caller.From(context).User;
        var outcome = new ReplayOutcome { Service = service.Name };
        outcome.Letters.AddRange((await deadLetters.Replay(request.All ? null : id, by, context.CancellationToken)).Select(r => new ReplayedLetter
        {
            Id = r.Id, Queue = r.Queue, MessageType = r.MessageType, Outcome = r.Now ? "replayed" : "already-replayed",
            ReplayedBy = r.Last.By, ReplayedAt = Timestamp.FromDateTimeOffset(r.Last.At),
        }));
        return outcome;
    }

    public override async Task<ServiceStatus> GetStatus(GetStatusRequest request, ServerCallContext context)
    {
        var s = await status.Read(context.CancellationToken);
        var answer = new ServiceStatus
        {
            Service = s.Service, Health = s.Health, HighWaterMark = s.HighWaterMark, Relay = s.Relay is { } relay ? Progress(relay) : null,
            DeadLetters = s.DeadLetters, BrokerReachable = s.BrokerReachable, Instance = s.Instance,
        };
        answer.DaemonAgents.AddRange(s.DaemonAgents);
        answer.HealthNotes.AddRange(s.HealthNotes);
        answer.Projections.AddRange(s.Projections.Select(Progress));
        answer.Queues.AddRange(s.Queues.Select(q => new QueueDepth { Queue = q.Queue, Messages = q.Messages, Consumers = q.Consumers }));
        answer.Figures.AddRange(s.Figures.Select(f => new Figure { Name = f.Key, Value = f.Value }));
        return answer;
    }

    private static ProgressLag Progress(Lag lag) =>
        new() { Name = lag.Name, Position = lag.Position, LagEvents = lag.Events, LagSeconds = lag.Seconds };

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    private async Task<long> Processed(string projection)
    {
        var shards = await store.Advanced.AllProjectionProgress();
        return shards.Where(s => s.ShardName.StartsWith(projection, StringComparison.Ordinal)).Select(s => s.Sequence).DefaultIfEmpty(0).Max();
    }
}
