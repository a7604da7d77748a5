using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Foundation.InputSweep;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// Every mutating JSON route, found in the proto descriptors, called with one value wrong at a time — a wrong type in
/// every field, an empty body, an over-long value in every string, a malformed id in every uuid field and path id —
/// by a role allowed to make the call: a 400 naming exactly the value's JSON path every time, and nothing appended.
/// </summary>
public sealed class InputSweepTests(CaseFlowSystem system, ITestOutputHelper output) : IClassFixture<CaseFlowSystem>
{
    /// <summary>What the descriptors gave when this test was written; fewer means the sweep lost routes or fields.</summary>
    private const int AtLeastCells = 540;

    [Fact]
    public async Task Every_wrong_value_of_every_mutating_route_is_a_400_naming_its_json_path_and_appends_nothing()
    {
        var calls = MutatingRoute.All()
            .SelectMany(route => ServicesOf(route).Select(service => (route, service)))
            .SelectMany(r => SweepCells.Of(r.route).Select(cell => (cell, r.service)))
            .ToList();
        calls.Count.ShouldBeGreaterThanOrEqualTo(AtLeastCells);

        var failures = new List<string>();
        var ran = 0;
        foreach (var (cell, service) in calls)
        {
            var before = await system.Count(service, "mt_events");
            var (status, text) = await Send(service, cell);
            ran++;
            var named = status == HttpStatusCode.BadRequest ? NamedFields(text) : [];
            if (status != HttpStatusCode.BadRequest || !named.SequenceEqual([cell.ExpectedField]))
                failures.Add($"{service.Name}: {cell} — got {(int)status} naming [{string.Join(", ", named)}]: {Shorten(text)}");
            if (await system.Count(service, "mt_events") != before)
                failures.Add($"{service.Name}: {cell} — appended events");
        }

        output.WriteLine($"input sweep: {ran} cells over {calls.Select(c => c.cell.Route).Distinct().Count()} routes");
        foreach (var route in calls.GroupBy(c => c.cell.Route)) output.WriteLine($"  {route.Count(),4}  {route.Key}");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(60)));
        ran.ShouldBe(calls.Count);
    }

    private async Task<(HttpStatusCode Status, string Text)> Send(RunningService service, SweepCell cell)
    {
        using var client = service.Json(TokenFor(cell.Route.Method));
        var answer = await client.SendText(new HttpMethod(cell.Route.Verb), cell.Path, cell.Body ?? "");
        return (answer.Status, answer.Body);
    }

    private string TokenFor(DeclaredMethod method) =>
        method.Allows(Caller.Operator) ? system.Token()
        : method.Allows(Caller.Supervisor) ? system.Token(Caller.Supervisor, center: null, user: "coordinator")
        : system.Token(method.Roles[0], center: null, user: "sweeper");

    private IEnumerable<RunningService> ServicesOf(MutatingRoute route) => route.Service switch
    {
        "caseflow.intake.v1.Intake" => [system.Intake],
        "caseflow.correspondence.v1.Correspondence" => [system.Correspondence],
        "caseflow.reunification.v1.Reunification" or "caseflow.reunification.v1.Flights" => [system.Reunification],
        "caseflow.audit.v1.CaseAudit" or "caseflow.admin.v1.Admin" => [system.Intake, system.Correspondence, system.Reunification],
        _ => throw new InvalidOperationException($"the sweep does not know which service serves {route.Service}"),
    };

    /// <summary>The fields a JSON error names: its <c>google.rpc.BadRequest</c> details.</summary>
    private static IReadOnlyList<string> NamedFields(string text)
    {
        try
        {
            // A server-streaming call's error comes as the same JSON, possibly inside an array.
            var json = JsonNode.Parse(text);
            var error = json is JsonArray array ? array[0] : json;
            return error?["details"]?.AsArray()
                .SelectMany(d => d?["fieldViolations"]?.AsArray() ?? [])
                .Select(v => v?["field"]?.ToString() ?? "")
                .ToList() ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
