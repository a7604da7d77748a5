using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.IntegrationTests.Foundation.InputSweep;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Google.Api;

namespace CaseFlow.IntegrationTests.Access;

/// <summary>
/// One rpc as the access matrix calls it on one service: its first JSON route, the marked case's ids in the path and
/// body, every other field well-shaped (the sweep's body), and expected_version 1 so no write of the matrix lands.
/// </summary>
public sealed record PolicyCall(DeclaredMethod Method, RunningService Service, string Verb, string Path, string? Body)
{
    public bool IsRead => Verb == "GET";

    /// <summary>The call names the case (or its center, opening one there): a caller held to another center is refused it.</summary>
    public bool TargetsTheCase => Method.Descriptor.InputType.FindFieldByName("case_id") is not null
        || (!IsRead && Method.Descriptor.InputType.FindFieldByName("center_id") is not null);

    public override string ToString() => $"{Service.Name} {Method.Descriptor.Service.Name}/{Method.Descriptor.Name} ({Verb} {Path})";

    /// <summary>Every rpc of the three services, and the audit and admin rpcs on each of them.</summary>
    public static IReadOnlyList<PolicyCall> All(CaseFlowSystem system, MarkedCase marked) =>
        CaseFlowMethods.All
            .OrderBy(m => m.GrpcName)
            .SelectMany(method => ServicesOf(system, method).Select(service => Of(method, service, marked)))
            .ToList();

    private static PolicyCall Of(DeclaredMethod method, RunningService service, MarkedCase marked)
    {
        var rule = method.Descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
            ?? throw new InvalidOperationException($"{method.GrpcName} has no JSON route");
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            _ => throw new NotSupportedException($"{method.GrpcName}: {rule.PatternCase}"),
        };
        var path = Regex.Replace(template, @"\{([^}=]+)(=[^}]*)?\}", m => ValueOf(m.Groups[1].Value.Split('.').Last(), marked) ?? "x");
        string? body = null;
        if (rule.Body.Length > 0)
        {
            var route = new MutatingRoute(method, verb, template, rule.Body);
            var json = SweepCells.WellShaped(route, route.PathFields.ToHashSet());
            Aim(json, marked);
            body = json.ToJsonString();
        }
        return new PolicyCall(method, service, verb, path, body);
    }

    /// <summary>The marked case's value for a field of that name: its ids, its center, a stale version.</summary>
    private static string? ValueOf(string protoName, MarkedCase marked) => protoName switch
    {
        "case_id" => marked.CaseId,
        "flight_id" => marked.FlightId,
        "letter_id" => marked.LetterId,
        "member_id" or "family_member_id" => marked.MemberId,
        _ when protoName.EndsWith("center_id", StringComparison.Ordinal) => MarkedCase.Center,
        _ => null,
    };

    private static void Aim(JsonNode node, MarkedCase marked)
    {
        if (node is JsonArray array) foreach (var item in array) if (item is not null) Aim(item, marked);
        if (node is not JsonObject json) return;
        foreach (var (name, value) in json.ToList())
        {
            var protoName = Regex.Replace(name, "([A-Z])", "_$1").ToLowerInvariant();
            if (protoName == "expected_version") json[name] = 1;
            else if (ValueOf(protoName, marked) is { } aimed && value is JsonValue) json[name] = aimed;
            else if (value is not null) Aim(value, marked);
        }
    }

    /// <summary>The services that serve a method: the audit and admin rpcs are on each.</summary>
    public static IEnumerable<RunningService> ServicesOf(CaseFlowSystem system, DeclaredMethod method) => method.Descriptor.Service.FullName switch
    {
        "caseflow.intake.v1.Intake" => [system.Intake],
        "caseflow.correspondence.v1.Correspondence" => [system.Correspondence],
        "caseflow.reunification.v1.Reunification" or "caseflow.reunification.v1.Flights" => [system.Reunification],
        "caseflow.audit.v1.CaseAudit" or "caseflow.admin.v1.Admin" => [system.Intake, system.Correspondence, system.Reunification],
        var other => throw new InvalidOperationException($"the access matrix does not know which service serves {other}"),
    };
}
