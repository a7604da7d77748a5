using System.CommandLine;
using CaseFlow.Access;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Calling;

namespace CaseFlow.Cli.Demo;

/// <summary><c>caseflow demo</c>: loads the Kara-Suu story into the running system and says how to look at it.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "instead of the story, load this many synthetic cases of 2020–2021 (re-runnable)" };
        var seed = new Option<int>("--seed") { Description = "the seed of the synthetic cases: the same seed loads (and re-loads) the same cases", DefaultValueFactory = _ => 2020 };
        var command = new Command("demo", "Load the Kara-Suu story (DESIGN.md), or --cases N synthetic cases, into the running services through their public APIs")
            { cases, seed };
        command.SetAction(async (result, ct) =>
        {
            var coordinator = As(ServiceEndpoints.SignedToken("coordinator", CallerRoles.Supervisor, center: null));
            await EnsureReady(coordinator);
            if (result.GetValue(cases) is > 0 and var n) return await LoadSynthetic(n, result.GetValue(seed), ct);
            var outcome = await KaraSuuStory.Run(
                As(ServiceEndpoints.SignedToken("lawyer-kara-suu", CallerRoles.Operator, "kara-suu")),
                coordinator,
                Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine($"case id:   {outcome.CaseId}");
            Console.WriteLine($"flight id: {outcome.FlightId}");
            Console.WriteLine($"look at it: ./caseflow audit {outcome.CaseId} --verify --as-of 2020-05-15");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The story needs every service and the broker between them. Readiness alone does not say the broker is there (a
    /// service keeps taking calls without it, its outbox holds the news), so each service's status is asked too: a
    /// service down, not ready, or cut off from RabbitMQ is named at once, rather than after a minute of waiting.
    /// </summary>
    public static async Task EnsureReady(CaseFlowApis supervisor)
    {
        foreach (var api in supervisor.All)
        {
            var ready = (await api.Get("/health/ready")).Succeeded;
            var status = await api.Get("/v1/admin/status");
            if (ready && status.Succeeded && status.Json["brokerReachable"]?.GetValue<bool>() == true) continue;
            var problems = !status.Succeeded ? [status.Body]
                : (status.Json["healthNotes"]?.AsArray().Select(n => n?.ToString() ?? "").Where(n => !n.Contains(": Healthy")).ToList() ?? []);
            if (status.Succeeded && status.Json["brokerReachable"]?.GetValue<bool>() != true && !problems.Any(p => p.Contains("rabbitmq")))
                problems.Add("RabbitMQ cannot be reached");
            throw new CliFailure($"{api.Name} at {api.Address} is not ready: {string.Join("; ", problems)}\n" +
                "See ./caseflow infra status (PostgreSQL, RabbitMQ) and ./caseflow admin status (the services).");
        }
    }

    private static async Task<int> LoadSynthetic(int cases, int seed, CancellationToken ct)
    {
        var load = new SyntheticCases(center => As(ServiceEndpoints.SignedToken($"lawyer-{center}", CallerRoles.Operator, center)),
            As(ServiceEndpoints.SignedToken("coordinator", CallerRoles.Supervisor, center: null)), seed);
        SyntheticCases.Loaded loaded;
        using (var bar = Exporting.ProgressBar.OnStderr("cases", cases))
        {
            var gate = new Lock();
            loaded = await load.Load(cases, by => { lock (gate) bar.Advance(by); }, ct);
        }
        Console.WriteLine($"{loaded.CaseIds.Count} cases (seed {seed}): {loaded.Separated} with a separated child, {loaded.Letters} with a letter, " +
            $"{loaded.Closed} closed; {loaded.Flights} flights, {loaded.Cancelled} cancelled. Loading again with the same seed adds nothing.");
        return 0;
    }

    private static CaseFlowApis As(string token) => CaseFlowApis.At(
        ServiceEndpoints.Address("CASEFLOW_INTAKE_HTTP", ServicePorts.Intake.HttpAddress),
        ServiceEndpoints.Address("CASEFLOW_CORRESPONDENCE_HTTP", ServicePorts.Correspondence.HttpAddress),
        ServiceEndpoints.Address("CASEFLOW_REUNIFICATION_HTTP", ServicePorts.Reunification.HttpAddress),
        token);
}
