using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.Cli.Auditing;

/// <summary>The audit report as an auditor reads it in a terminal.</summary>
public static class AuditText
{
    public static string Render(JsonObject report)
    {
        var text = new StringBuilder($"Case {report["caseId"]}\n\nTimeline (business time, then record time):\n");
        foreach (var entry in report["timeline"]!.AsArray())
        {
            var occurred = DateTimeOffset.Parse(entry!["occurredAt"]!.ToString());
            var recorded = DateTimeOffset.Parse(entry["recordedAt"]!.ToString());
            text.Append($"  {occurred:yyyy-MM-dd HH:mm}  {entry["service"],-15} {entry["type"],-28} by {entry["user"]} ({entry["role"]})");
            if ((recorded - occurred).Duration() > TimeSpan.FromDays(1)) text.Append($"  [recorded {recorded:yyyy-MM-dd}]");
            text.AppendLine();
        }
        if (report["states"] is JsonObject states)
        {
            text.AppendLine("\nState of each part:");
            foreach (var (service, state) in states) text.AppendLine($"  {service}: {state!.ToJsonString()}");
        }
        if (report["verifications"] is JsonArray verifications)
        {
            text.AppendLine("\nHash chains:");
            foreach (var v in verifications)
                text.AppendLine(v!["intact"]?.GetValue<bool>() == true
                    ? $"  {v["service"]}: intact ({v["eventsChecked"]} events)"
                    : $"  {v["service"]}: BROKEN at {v["problem"]}");
        }
        return text.ToString();
    }
}
