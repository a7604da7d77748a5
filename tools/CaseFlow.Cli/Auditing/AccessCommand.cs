using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Cli.Auditing;

/// <summary>
/// <c>caseflow audit access &lt;caseId&gt;</c> / <c>--user &lt;user&gt;</c> / <c>--from … --to …</c>: every read of
/// personal data the three services recorded, merged into one list by time.
/// </summary>
public static class AccessCommand
{
    public static Command Create()
    {
        var caseId = new Argument<Guid?>("caseId") { Description = "the case whose reads to list", Arity = ArgumentArity.ZeroOrOne };
        var user = new Option<string?>("--user") { Description = "list the reads this user made instead" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "only reads at or after this time" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "only reads before this time" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of text" };
        var auditor = new Option<string>("--auditor") { Description = "the auditor's name in the token", DefaultValueFactory = _ => "auditor" };

        var command = new Command("access", "List who read personal data: of one case, by one user, or within a period, across the services")
            { caseId, user, from, to, json, auditor };
        command.SetAction(async (result, ct) =>
        {
            var query = new AccessQuery(result.GetValue(caseId), result.GetValue(user), result.GetValue(from), result.GetValue(to));
            if (query.CaseId is null && query.User is null && (query.From is null || query.To is null))
            {
                await Console.Error.WriteLineAsync("give a caseId, --user <user>, or a period with --from and --to");
                return 2;
            }
            var reads = await AccessLogs.Gather(ServiceEndpoints.FromEnvironment("auditor", result.GetValue(auditor)!), query, ct);
            Console.WriteLine(result.GetValue(json)
                ? reads.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
                : Render(reads));
            return 0;
        });
        return command;
    }

    /// <summary>One read a line: when (to the second), where, who in which role and center, which case and call, why.</summary>
    public static string Render(JsonArray reads)
    {
        if (reads.Count == 0) return "No reads of personal data recorded.";
        var text = new StringBuilder($"{reads.Count} read(s) of personal data:\n");
        foreach (var read in reads)
        {
            var at = DateTimeOffset.Parse(read!["readAt"]!.ToString()).ToUniversalTime();
            var center = read["center"]?.ToString() is { Length: > 0 } c ? $", {c}" : "";
            var call = read["call"]!.ToString();
            text.Append($"  {at:yyyy-MM-dd HH:mm:ss}Z  {read["service"],-15} {read["user"]} ({read["role"]}{center})  case {read["caseId"]}  {call[(call.LastIndexOf('/') + 1)..]}");
            if (read["filter"]?.ToString() is { Length: > 0 } filter) text.Append($"  export of {filter}");
            if (read["purpose"]?.ToString() is { Length: > 0 } purpose) text.Append($"  purpose: {purpose}");
            text.AppendLine();
        }
        return text.ToString();
    }
}
