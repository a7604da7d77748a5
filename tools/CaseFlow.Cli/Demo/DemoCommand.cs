using System.CommandLine;
using CaseFlow.Cli.Auditing;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Cli.Demo;

/// <summary><c>caseflow demo</c>: loads the Kara-Suu story into the running system and says how to look at it.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Load the Kara-Suu story (DESIGN.md) into the running services through their public APIs");
        command.SetAction(async (_, _) =>
        {
            var api = new StoryClient(
                ServiceEndpoints.Address("CASEFLOW_INTAKE_HTTP", 5100), ServiceEndpoints.Address("CASEFLOW_CORRESPONDENCE_HTTP", 5200),
                ServiceEndpoints.Address("CASEFLOW_REUNIFICATION_HTTP", 5300),
                ServiceEndpoints.SignedToken("lawyer-kara-suu", Caller.Operator, "kara-suu"),
                ServiceEndpoints.SignedToken("coordinator", Caller.Supervisor, center: null));
            var outcome = await KaraSuuStory.Run(api, Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine($"case id:   {outcome.CaseId}");
            Console.WriteLine($"flight id: {outcome.FlightId}");
            Console.WriteLine($"look at it: ./caseflow audit {outcome.CaseId} --verify --as-of 2020-05-15");
            return 0;
        });
        return command;
    }
}
