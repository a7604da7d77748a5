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
            var outcome = await KaraSuuStory.Run(
                As(ServiceEndpoints.SignedToken("lawyer-kara-suu", CallerRoles.Operator, "kara-suu")),
                As(ServiceEndpoints.SignedToken("coordinator", CallerRoles.Supervisor, center: null)),
                Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine($"case id:   {outcome.CaseId}");
            Console.WriteLine($"flight id: {outcome.FlightId}");
            Console.WriteLine($"look at it: ./caseflow audit {outcome.CaseId} --verify --as-of 2020-05-15");
            return 0;
        });
        return command;
    }

    private static CaseFlowApis As(string token) => CaseFlowApis.At(
        ServiceEndpoints.Address("CASEFLOW_INTAKE_HTTP", ServicePorts.Intake.HttpAddress),
        ServiceEndpoints.Address("CASEFLOW_CORRESPONDENCE_HTTP", ServicePorts.Correspondence.HttpAddress),
        ServiceEndpoints.Address("CASEFLOW_REUNIFICATION_HTTP", ServicePorts.Reunification.HttpAddress),
        token);
}
