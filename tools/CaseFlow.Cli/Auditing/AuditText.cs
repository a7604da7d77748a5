using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.Cli.Auditing;

/// <summary>The audit report as an auditor reads it in a terminal: UTF-8 text, record times to the second.</summary>
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
            text.Append($"  recorded {recorded.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
            text.AppendLine();
        }
        if (report["states"] is JsonObject states)
        {
            text.AppendLine("\nState of each part:");
            foreach (var (service, part) in states)
            {
                text.AppendLine($"  {service} (version {part?["version"] ?? 0}, {part?["eventsApplied"] ?? 0} events applied):");
                if (part?["state"] is JsonObject state) Fields(text, state, "    ");
                else if (part?["eventsApplied"]?.GetValue<int>() > 0) text.AppendLine("    [personal data: withheld from this caller]");
                else text.AppendLine("    (nothing had happened yet)");
            }
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

    /// <summary>One line a field, nested parts indented; strings as they are (Cyrillic stays Cyrillic), empty ones left out.</summary>
    private static void Fields(StringBuilder text, JsonObject fields, string indent)
    {
        foreach (var (name, value) in fields)
        {
            switch (value)
            {
                case null:
                    continue;
                case JsonObject nested when nested.Count == 0:
                    continue;
                case JsonObject nested:
                    text.AppendLine($"{indent}{name}:");
                    Fields(text, nested, indent + "  ");
                    break;
                case JsonArray list when list.Count == 0:
                    continue;
                case JsonArray list:
                    text.AppendLine($"{indent}{name}:");
                    foreach (var item in list)
                    {
                        if (item is JsonObject element)
                        {
                            text.AppendLine($"{indent}  -");
                            Fields(text, element, indent + "    ");
                        }
                        else text.AppendLine($"{indent}  - {Scalar(item)}");
                    }
                    break;
                default:
                    text.AppendLine($"{indent}{name}: {Scalar(value)}");
                    break;
            }
        }
    }

    private static string Scalar(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
}
