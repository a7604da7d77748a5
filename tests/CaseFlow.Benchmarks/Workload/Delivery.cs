using System.Collections.Concurrent;
using System.Diagnostics;
using CaseFlow.Benchmarks.Harness;
using Npgsql;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>
/// P1 and P2: how long an opened case takes to exist in Correspondence and Reunification. Measured from the
/// stores themselves after the fact: Intake's event timestamp against the timestamp of the first event of
/// the same stream in the other service — both stamped by the one PostgreSQL clock (transaction start), so
/// the measurement adds no work to the path it measures. Polling only detects when everything has arrived.
/// </summary>
public sealed class Delivery(NpgsqlDataSource db, BenchInfrastructure infrastructure)
{
    public sealed record Arrivals(int Expected, int Arrived, Latencies Latencies, double SpanSeconds, double IntakeSpanSeconds);

    /// <summary>P1: opens cases at a steady rate, whatever the latency of each call (open loop).</summary>
    public async Task<List<Guid>> OpenAtSteadyRate(IntakeClients clients, int perSecond, TimeSpan duration)
    {
        var ids = new ConcurrentBag<Guid>();
        var calls = new List<Task>();
        var total = (int)(perSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var worker = i;
            calls.Add(Task.Run(async () => ids.Add(await clients.OpenCase(worker))));
        }
        await Task.WhenAll(calls);
        return [.. ids];
    }

    /// <summary>P2: N cases as fast as the clients can open them.</summary>
    public static async Task<(List<Guid> Ids, double Seconds)> OpenBurst(IntakeClients clients, int cases)
    {
        var ids = new ConcurrentBag<Guid>();
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients.Count).Select(worker => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= cases) ids.Add(await clients.OpenCase(worker));
        })));
        return ([.. ids], clock.Elapsed.TotalSeconds);
    }

    /// <summary>Waits until every case has a stream in both other services (or the timeout), then reads the delays.</summary>
    public async Task<(Arrivals Reunification, Arrivals Correspondence)> WaitForArrivals(IReadOnlyList<Guid> ids, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await Present("reunification", ids) >= ids.Count && await Present("correspondence", ids) >= ids.Count) break;
            await Task.Delay(100);
        }
        return (await Delays("reunification", ids), await Delays("correspondence", ids));
    }

    private async Task<long> Present(string service, IReadOnlyList<Guid> ids)
    {
        await using var count = db.CreateCommand($"{PgStatements.Tag}select count(*) from {infrastructure.Schema(service)}.mt_streams where id = any($1)");
        count.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<Arrivals> Delays(string service, IReadOnlyList<Guid> ids)
    {
        await using var query = db.CreateCommand($"""
            {PgStatements.Tag}select extract(epoch from (o.timestamp - i.timestamp)) * 1000,
                   extract(epoch from (max(o.timestamp) over () - min(i.timestamp) over ())),
                   extract(epoch from (max(i.timestamp) over () - min(i.timestamp) over ()))
            from {infrastructure.Schema("intake")}.mt_events i
            join {infrastructure.Schema(service)}.mt_events o on o.stream_id = i.stream_id and o.version = 1
            where i.version = 1 and i.stream_id = any($1)
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        var latencies = new Latencies();
        double span = double.NaN, intakeSpan = double.NaN;
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            latencies.Add((double)reader.GetDecimal(0));
            span = (double)reader.GetDecimal(1);
            intakeSpan = (double)reader.GetDecimal(2);
        }
        return new Arrivals(ids.Count, latencies.Count, latencies, span, intakeSpan);
    }
}
