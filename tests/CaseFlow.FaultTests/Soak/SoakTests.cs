using System.Diagnostics;
using CaseFlow.FaultTests.Harness;
using Xunit.Abstractions;

namespace CaseFlow.FaultTests.Soak;

/// <summary>
/// <c>./caseflow soak --minutes N</c>: mixed operator traffic through Intake's API for N minutes while a broker kill, a
/// service kill or a PostgreSQL restart is injected at random; then the conservation check and a summary. Runs only when
/// CASEFLOW_SOAK_MINUTES is set (otherwise it returns at once), so the ordinary suite stays short.
/// </summary>
public sealed class SoakTests(FaultSystem system, ITestOutputHelper output) : Scenario(system)
{
    private const int Callers = 4;
    private static readonly string[] Services = ["intake", "correspondence", "reunification"];

    [Fact]
    public async Task Soak_under_random_faults_loses_nothing_and_applies_nothing_twice()
    {
        if (!double.TryParse(Environment.GetEnvironmentVariable("CASEFLOW_SOAK_MINUTES"), out var minutes) || minutes <= 0) return;
        var memoryAtStart = Services.ToDictionary(s => s, s => System.Services[s].ResidentMegabytes());
        var faults = new Dictionary<string, int>();
        var separations = 0;
        var clock = Stopwatch.StartNew();

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var caseId = await Operator.OpenCase();
                if (Random.Shared.Next(2) == 0)
                {
                    await Operator.ReportSeparation(caseId);
                    Interlocked.Increment(ref separations);
                }
            }
        })).ToArray();

        var random = new Random();
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(random.Next(15, 30)), stop.Token); }
            catch (OperationCanceledException) { break; }
            var fault = await Inject(random);
            faults[fault] = faults.GetValueOrDefault(fault) + 1;
            output.WriteLine($"{clock.Elapsed:mm\\:ss} {fault}");
        }
        await Task.WhenAll(callers);
        var trafficTime = clock.Elapsed;

        // The summary is written also when delivery did not settle: the numbers are what a failed soak needs to show.
        var settled = await System.Conservation.Settle();
        var summary = Summary(minutes, trafficTime, settled, faults, separations, memoryAtStart);
        output.WriteLine(summary);
        var file = Environment.GetEnvironmentVariable("CASEFLOW_SOAK_REPORT");
        if (!string.IsNullOrEmpty(file)) await File.WriteAllTextAsync(file, summary);
        settled.Settled.ShouldBeTrue(settled.ToString());
        await Conserved();
    }

    private async Task<string> Inject(Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                await System.Broker.Kill();
                await Task.Delay(TimeSpan.FromSeconds(3));
                await System.Broker.Start();
                return "broker kill -9";
            case 1:
                var service = Services[random.Next(Services.Length)];
                await System.Services.Kill(service);
                await Task.Delay(TimeSpan.FromSeconds(2));
                await System.Services.Restart(service);
                return $"{service} kill -9";
            default:
                await System.Postgres.CrashRestart();
                Npgsql.NpgsqlConnection.ClearAllPools(); // this process's pooled connections died with the server
                return "PostgreSQL immediate restart";
        }
    }

    private string Summary(double minutes, TimeSpan trafficTime, Conservation.Outcome settled, Dictionary<string, int> faults,
        int separations, Dictionary<string, double> memoryAtStart)
    {
        var report = settled.Report;
        var opened = Operator.Opened.Count;
        var lines = new List<string>
        {
            $"## Soak: {minutes:0.#} min of traffic ({trafficTime.TotalSeconds:0} s), {Callers} callers",
            "",
            "| figure | value |",
            "|---|---|",
            $"| operations (API calls confirmed) | {opened + 2 * separations} ({opened} OpenCase, {separations} × add member + report separation) |",
            $"| calls retried (same request id) | {Operator.Retries} |",
            $"| faults injected | {faults.Values.Sum()} ({string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Value} × {f.Key}"))}) |",
        };
        lines.AddRange(report.Balances.Select(b =>
            $"| {b.Crossing} | sent {b.Sent}, processed {b.Processed}, applied {b.Applied}, lost {b.Lost.Count}, applied twice {b.AppliedTwice.Count} |"));
        lines.Add($"| lost / applied twice (all crossings) | {report.Lost} / {report.AppliedTwice} |");
        lines.Add(settled.Settled
            ? $"| delivery settled after the traffic | in {settled.Waited.TotalSeconds:0} s |"
            : $"| delivery settled after the traffic | **no**: after {settled.Waited.TotalSeconds:0} s no new low of lost + queued for {Conservation.Stall.TotalSeconds:0} s; {settled.Queued} queued ({settled.Queues}) |");
        lines.Add($"| messages in _error queues | {report.ErrorMessages} (poison sent on purpose: {System.PoisonSent}) |");
        lines.Add("");
        lines.Add("| service | resident MB at start | at end | peak of the last process | killed during the soak |");
        lines.Add("|---|---|---|---|---|");
        foreach (var s in Services)
        {
            var p = System.Services[s];
            lines.Add($"| {s} | {memoryAtStart[s]:0} | {p.ResidentMegabytes():0} | {p.PeakResidentMegabytes():0} | {faults.GetValueOrDefault($"{s} kill -9")} × |");
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
