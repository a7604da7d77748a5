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
        var command = new Command("demo", "Load the Kara-Suu story (DESIGN.md) into the running services through their public APIs");
        command.SetAction(async (_, _) =>
        {
            var coordinator = As(ServiceEndpoints.SignedToken("coordinator", CallerRoles.Supervisor, center: null));
            await EnsureReady(coordinator);
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
    /// The story needs every service and the broker between them: a service that is down or not ready (its database or
    /// RabbitMQ out of reach) is named at once, with what its readiness says, rather than after a minute of waiting.
    /// </summary>
    private static async Task EnsureReady(CaseFlowApis apis)
    {
        foreach (var api in apis.All)
        {
            if ((await api.Get("/health/ready")).Succeeded) continue;
            var status = await api.Get("/v1/admin/status");
            var notes = status.Succeeded
                ? string.Join("; ", status.Json["healthNotes"]?.AsArray().Select(n => n?.ToString()).Where(n => n?.Contains(": Healthy") == false) ?? [])
                : status.Body;
            throw new CliFailure($"{api.Name} at {api.Address} is not ready: {notes}\n" +
                "See ./caseflow infra status (PostgreSQL, RabbitMQ) and ./caseflow admin status (the services).");
        }
    }

    private static CaseFlowApis As(string token) => CaseFlowApis.At(
        ServiceEndpoints.Address("CASEFLOW_INTAKE_HTTP", ServicePorts.Intake.HttpAddress),
        ServiceEndpoints.Address("CASEFLOW_CORRESPONDENCE_HTTP", ServicePorts.Correspondence.HttpAddress),
        ServiceEndpoints.Address("CASEFLOW_REUNIFICATION_HTTP", ServicePorts.Reunification.HttpAddress),
        token);
}
