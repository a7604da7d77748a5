using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Audit.Api.V1;
using Google.Protobuf;
using AuditClient = CaseFlow.Audit.Api.V1.CaseAudit.CaseAuditClient;

namespace CaseFlow.Cli.Auditing;

/// <summary>
/// <c>caseflow checkpoint</c>: every stream head of the three services, sealed, as one JSON file an auditor keeps outside
/// CaseFlow. <c>caseflow audit &lt;caseId&gt; --verify --checkpoint FILE</c> later proves that nothing up to it changed.
/// </summary>
public static class CheckpointCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out") { Description = "write the checkpoint to this file (default: standard output)" };
        var user = new Option<string>("--user") { Description = "the auditor's name", DefaultValueFactory = _ => "auditor" };
        var command = new Command("checkpoint", "Export every stream's sealed head, to verify against later") { output, user };
        command.SetAction(async (result, ct) =>
        {
            var endpoints = ServiceEndpoints.FromEnvironment("auditor", result.GetValue(user)!);
            var checkpoint = new JsonObject();
            foreach (var (name, address) in endpoints.Services)
            {
                using var channel = endpoints.Channel(address);
                var heads = await new AuditClient(channel).ExportStreamHeadsAsync(new ExportStreamHeadsRequest(), endpoints.Authorization, cancellationToken: ct);
                checkpoint[name] = JsonNode.Parse(JsonFormatter.Default.Format(heads));
            }
            var text = checkpoint.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            if (result.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, text, ct);
            else Console.WriteLine(text);
            return 0;
        });
        return command;
    }

    /// <summary>The head a checkpoint file holds for one stream of one service, if any.</summary>
    public static (long Version, string Hash)? HeadOf(JsonObject? checkpoint, string service, Guid streamId)
    {
        var head = checkpoint?[service]?["heads"]?.AsArray()
            .FirstOrDefault(h => Guid.TryParse(h?["streamId"]?.ToString(), out var id) && id == streamId);
        return head is null ? null : (long.Parse(head["version"]!.ToString()), head["hash"]!.ToString());
    }
}
