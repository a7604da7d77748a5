using System.Diagnostics;
using CaseFlow.Benchmarks.Harness;
using CaseFlow.Intake;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.Listing;
using CaseFlow.ServiceDefaults.Privacy;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Case = CaseFlow.Intake.Cases.Case;
using CaseOpened = CaseFlow.Intake.Cases.Opening.CaseOpened;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>
/// Intake's own Marten store, configured exactly as the running service configures it (built from
/// <see cref="IntakeService.Build"/>, never started), for what no API offers yet: loading many events fast,
/// time travel, and a projection rebuild.
/// </summary>
public sealed class IntakeStore : IAsyncDisposable
{
    private readonly WebApplication app;

    /// <param name="settings">The services' extra settings (environment-variable form, KEY__SUB=VALUE), so that the
    /// store writes as they do, e.g. personal values plain under PersonalData__Encrypt=false.</param>
    public IntakeStore(string postgres, string schema, string signingKey, IEnumerable<KeyValuePair<string, string>> settings)
    {
        app = IntakeService.Build([
            $"--ConnectionStrings:Postgres={postgres}",
            "--ConnectionStrings:RabbitMq=amqp://unused@127.0.0.1:1/",
            $"--EventStore:Schema={schema}",
            $"--Auth:SigningKey={signingKey}",
            "--environment=Development",
            "--Ports:Http=1", "--Ports:Grpc=2",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => $"--{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}"),
        ]);
        Store = app.Services.GetRequiredService<IDocumentStore>();
    }

    public IDocumentStore Store { get; }

    /// <summary>A case with <paramref name="events"/> events, appended in batches so they carry different timestamps.</summary>
    public async Task<Guid> CaseWithEvents(int events, int batches = 10)
    {
        var id = Guid.CreateVersion7();
        var perBatch = (int)Math.Ceiling(events / (double)batches);
        var appended = 0;
        while (appended < events)
        {
            await using var session = Store.LightweightSession();
            var batch = new List<object>();
            if (appended == 0) batch.Add(new CaseOpened(id, "kara-suu", "family-separation", "walk-in", Sealed.For(Subjects.Applicant(id), "History Applicant"), DateTimeOffset.UtcNow.AddDays(-30)));
            while (batch.Count < perBatch && appended + batch.Count < events) batch.Add(Consultation(id, appended + batch.Count));
            if (appended == 0) session.Events.StartStream<Case>(id, batch);
            else session.Events.Append(id, batch);
            await session.SaveChangesAsync();
            appended += batch.Count;
            await Task.Delay(5); // distinct timestamps per batch for time travel
        }
        return id;
    }

    /// <summary>
    /// R1's store: cases of <paramref name="eventsPerCase"/> events appended interleaved, as real traffic is: every case
    /// is visited <paramref name="eventsPerCase"/> / <paramref name="perVisit"/> times, one round after another, each
    /// transaction adding <paramref name="perVisit"/> events to each of 10 cases (4 writers), so a stream's events lie
    /// spread over the whole store rather than in one run.
    /// </summary>
    public async Task AppendCasesInterleaved(int totalEvents, int eventsPerCase = 100, int perVisit = 10)
    {
        var ids = Enumerable.Range(0, Math.Max(1, totalEvents / eventsPerCase)).Select(_ => Guid.CreateVersion7()).ToArray();
        var batches = ids.Chunk(10).ToArray();
        for (var visit = 0; visit < eventsPerCase / perVisit; visit++)
        {
            var first = visit * perVisit;
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
            {
                await using var session = Store.LightweightSession();
                foreach (var id in batch)
                {
                    var events = Enumerable.Range(first, perVisit).Select(n => n == 0
                        ? (object)new CaseOpened(id, IntakeClients.Centers[Array.IndexOf(ids, id) % 9], "documents", "walk-in",
                            Sealed.For(Subjects.Applicant(id), $"Rebuild Applicant {id:N}"), DateTimeOffset.UtcNow.AddDays(-10))
                        : Consultation(id, n)).ToArray();
                    if (visit == 0) session.Events.StartStream<Case>(id, events);
                    else session.Events.Append(id, events);
                }
                await session.SaveChangesAsync(ct);
            });
        }
    }

    private static ConsultationHeld Consultation(Guid id, int n) =>
        new(id, "lawyer-aigul", Sealed.For(Subjects.Applicant(id), $"topic {n % 17}"),
            Sealed.For(Subjects.Applicant(id), "advice given about registration and documents"), 30, DateTimeOffset.UtcNow.AddDays(-20).AddMinutes(n));

    public async Task<(Guid Id, long Version, DateTimeOffset Timestamp)> EventAt(Guid stream, long version)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(stream, version);
        var e = events.Last();
        return (stream, e.Version, e.Timestamp);
    }

    public async Task<Case?> AsOfVersion(Guid stream, long version)
    {
        await using var session = Store.QuerySession();
        return await session.Events.AggregateStreamAsync<Case>(stream, version: version);
    }

    public async Task<Case?> AsOfTime(Guid stream, DateTimeOffset timestamp)
    {
        await using var session = Store.QuerySession();
        return await session.Events.AggregateStreamAsync<Case>(stream, timestamp: timestamp);
    }

    /// <summary>The SQL Marten sends for a ListCases page, to run it raw as the baseline of Q1.</summary>
    public NpgsqlCommand ListCasesSql(string center)
    {
        using var session = Store.QuerySession();
        return session.Query<Case>()
            .Where(c => c.CenterId == center && c.Status == CaseStatus.Open)
            .OrderBy(c => c.ListPosition).Take(CaseListQuery.DefaultPageSize + 1)
            .ToCommand();
    }

    public async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        var stats = await Store.Advanced.FetchEventStoreStatistics();
        return stats.EventCount;
    }

    public static ListCasesRequest Page(string center, string token) => new()
    {
        CenterId = center, Status = "open", PageSize = CaseListQuery.DefaultPageSize, PageToken = token,
    };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
