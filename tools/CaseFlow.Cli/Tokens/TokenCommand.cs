using System.CommandLine;
using CaseFlow.Access;

namespace CaseFlow.Cli.Tokens;

/// <summary><c>caseflow token --role operator --center kara-suu</c>: a development JWT for curl and grpcurl.</summary>
public static class TokenCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "operator, supervisor, auditor or dashboard", Required = true };
        role.AcceptOnlyFromAmong([.. CallerRoles.All]);
        var center = new Option<string?>("--center") { Description = "the center an operator works at, e.g. kara-suu" };
        var user = new Option<string>("--user") { Description = "the user name recorded on events", DefaultValueFactory = _ => "dev-user" };
        var hours = new Option<int>("--hours") { Description = "lifetime in hours", DefaultValueFactory = _ => 12 };

        var command = new Command("token", "Print a development JWT signed with Auth__SigningKey") { role, center, user, hours };
        command.SetAction(result =>
        {
            var chosenRole = result.GetValue(role)!;
            var chosenCenter = result.GetValue(center);
            if (chosenRole == CallerRoles.Operator && string.IsNullOrWhiteSpace(chosenCenter))
            {
                Console.Error.WriteLine("an operator works at a center: give --center, e.g. --center kara-suu");
                return 2;
            }
            var key = Environment.GetEnvironmentVariable("Auth__SigningKey");
            if (string.IsNullOrWhiteSpace(key))
            {
                Console.Error.WriteLine("Auth__SigningKey is not set (./caseflow token sets it from .caseflow/dev-signing-key)");
                return 2;
            }
            Console.WriteLine(DevelopmentTokens.Issue(key, result.GetValue(user)!, chosenRole, chosenCenter,
                TimeSpan.FromHours(result.GetValue(hours))));
            return 0;
        });
        return command;
    }
}
