using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Audit.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CaseFlow.Cli.Auditing;

/// <summary>
/// <c>caseflow audit &lt;caseId&gt;</c>: the three services' histories of one case merged into one timeline
/// (business time, then record time), each part's state as of a date, and the hash chains verified.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var caseId = new Argument<Guid>("caseId") { Description = "the case to audit" };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "show each part's state as of this business date (what had happened)" };
        var knownAt = new Option<DateTimeOffset?>("--known-at") { Description = "… as the system knew it at this record time" };
        var verify = new Option<bool>("--verify") { Description = "recompute every stream's hash chain" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of text" };
        var user = new Option<string>("--user") { Description = "the auditor's name, recorded with the read", DefaultValueFactory = _ => "auditor" };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "with --verify: a file from `caseflow checkpoint` the chains must still pass through" };

        var command = new Command("audit", "Merge one case's history across the services, show its state as of a date, verify it")
            { caseId, asOf, knownAt, verify, json, user, checkpoint, AccessCommand.Create() };
        command.SetAction(async (result, ct) =>
        {
            var endpoints = ServiceEndpoints.FromEnvironment("auditor", result.GetValue(user)!);
            var heads = result.GetValue(checkpoint) is { } file ? JsonNode.Parse(await File.ReadAllTextAsync(file.FullName, ct))!.AsObject() : null;
            var report = await CaseAudit.Gather(endpoints, result.GetValue(caseId), result.GetValue(asOf), result.GetValue(knownAt), result.GetValue(verify), ct, heads);
            Console.WriteLine(result.GetValue(json) ? report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : AuditText.Render(report));
            return report["verified"]?.GetValue<bool>() == false ? 3 : 0;
        });
        return command;
    }
}
