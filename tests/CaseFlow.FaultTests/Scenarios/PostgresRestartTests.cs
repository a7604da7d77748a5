using System.Collections.Concurrent;
using CaseFlow.FaultTests.Harness;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>PostgreSQL restarted with <c>pg_ctl restart -m immediate</c> while operators open cases.</summary>
public sealed class PostgresRestartTests(FaultSystem system) : Scenario(system)
{
    private static readonly string[] Services = ["intake", "correspondence", "reunification"];

    [Fact]
    public async Task Readiness_goes_unready_then_ready_and_delivery_resumes_after_an_immediate_restart_under_load()
    {
        // Ready before the fault, so "unready" is the restart's doing (an earlier scenario's restart may still be settling).
        foreach (var service in Services) await Eventually.True(() => Operator.Ready(service), $"{service} ready before the restart");
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<bool>>();
        using var watching = new CancellationTokenSource();
        var watchers = Services.Select(s => Watch(s, seen.GetOrAdd(s, _ => new()), watching.Token)).ToArray();

        var load = Operator.OpenCases(200, concurrency: 8);
        await Eventually.True(() => Task.FromResult(Operator.Opened.Count >= 50), "load under way");
        await System.Postgres.CrashRestart();
        Npgsql.NpgsqlConnection.ClearAllPools(); // this process's own pooled connections died with the server
        await load;
        foreach (var service in Services)
            await Eventually.True(() => Task.FromResult(seen[service].Reverse().FirstOrDefault()), $"{service} ready again");
        await watching.CancelAsync();
        await Task.WhenAll(watchers);

        foreach (var service in Services)
        {
            var states = seen[service].ToArray();
            // A probe can time out on a busy machine while the server is still up: what counts is a ready answer, then none.
            var firstReady = Array.IndexOf(states, true);
            var firstUnready = Array.IndexOf(states, false, Math.Max(firstReady, 0));
            firstReady.ShouldBeGreaterThanOrEqualTo(0, $"{service}: ready while PostgreSQL was up");
            firstUnready.ShouldBeGreaterThan(firstReady, $"{service}: ready, then unready while PostgreSQL was down");
            states.Skip(firstUnready).ShouldContain(true, $"{service}: ready again");
        }
        // The daemon must have resumed: cases opened after the restart cross too.
        await Operator.OpenCases(20);
        await Conserved();
    }

    private async Task Watch(string service, ConcurrentQueue<bool> states, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            states.Enqueue(await Operator.Ready(service));
            try { await Task.Delay(100, stop); } catch (OperationCanceledException) { }
        }
    }
}
