using System.CommandLine;
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
            var key = Environment.GetEnvironmentVariable("Auth__SigningKey")
                ?? throw new InvalidOperationException("Auth__SigningKey is not set (./caseflow sets it from .caseflow/dev-signing-key)");
            var api = new StoryClient(Address("CASEFLOW_INTAKE_HTTP", 5100), Address("CASEFLOW_CORRESPONDENCE_HTTP", 5200), Address("CASEFLOW_REUNIFICATION_HTTP", 5300),
                DevelopmentTokens.Issue(key, "lawyer-kara-suu", Caller.Operator, "kara-suu", TimeSpan.FromHours(1)),
                DevelopmentTokens.Issue(key, "coordinator", Caller.Supervisor, null, TimeSpan.FromHours(1)));
            var outcome = await KaraSuuStory.Run(api, Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine($"case id:   {outcome.CaseId}");
            Console.WriteLine($"flight id: {outcome.FlightId}");
            Console.WriteLine($"look at it: ./caseflow audit {outcome.CaseId} --verify --as-of 2020-05-15");
            return 0;
        });
        return command;
    }

    private static Uri Address(string variable, int port) =>
        new(Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : $"http://127.0.0.1:{port}");
}
