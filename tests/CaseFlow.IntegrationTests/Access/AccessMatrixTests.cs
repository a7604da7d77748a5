using System.Net;
using CaseFlow.Cli.Calling;
using CaseFlow.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace CaseFlow.IntegrationTests.Access;

/// <summary>
/// The access policy as the protos declare it, held against the running services: every rpc of the three services
/// (and audit and admin on each) called by each of ten callers, on a case whose personal fields hold unique markers.
/// Refused as declared (401 / 403), allowed as declared (anything but 401 / 403), and no marker in any answer to a
/// dashboard, to an operator of another center, or to a refused caller.
/// </summary>
public sealed class AccessMatrixTests(CaseFlowSystem system, ITestOutputHelper output) : IClassFixture<CaseFlowSystem>
{
    /// <summary>74 calls (56 rpcs of the services, 6 audit and admin rpcs on each of 3) × 10 callers when this was written.</summary>
    private const int AtLeastCells = 740;

    /// <summary>Markers that must show up in the answers to those who may see them, or the leak check would see nothing.</summary>
    private static readonly string[] MustBeSeen =
    [
        "applicant name", "phone", "document number", "applicant birth date", "member name", "member birth date", "caregiver",
        "consultation topic", "consultation advice", "letter subject", "letter body", "reply summary", "escort", "plan reason",
    ];

    [Fact]
    public async Task Every_rpc_answers_each_caller_as_the_policy_declares_and_no_marker_reaches_those_who_may_not_see_it()
    {
        var marked = await MarkedCase.Enter(system);
        var callers = PolicyCaller.All(system, MarkedCase.Center);
        var calls = PolicyCall.All(system, marked).OrderBy(c => c.IsRead ? 0 : 1).ToList(); // reads before any write is tried
        var cells = calls.SelectMany(call => callers.Select(caller => (call, caller))).ToList();
        cells.Count.ShouldBe(calls.Count * callers.Count);
        cells.Count.ShouldBeGreaterThanOrEqualTo(AtLeastCells);

        var failures = new List<string>();
        var seen = new HashSet<string>();
        var tally = new Dictionary<(string Caller, string Outcome), int>();
        foreach (var (call, caller) in cells)
        {
            var expected = Predict(call, caller);
            var before = expected == Expected.Allowed ? 0 : await system.Count(call.Service, "mt_events");
            var answer = await Send(call, caller);
            var outcome = $"{expected} {(int)answer.Status}";
            tally[(caller.Name, outcome)] = tally.GetValueOrDefault((caller.Name, outcome)) + 1;

            if (!Matches(expected, call, answer.Status))
                failures.Add($"{caller}: {call} — expected {expected}, got {(int)answer.Status}: {Shorten(answer.Body)}");
            var found = marked.FoundIn(answer.Body);
            if (expected != Expected.Allowed || caller.Role == "dashboard" || caller.Name == "operator of another center")
            {
                if (found.Count > 0) failures.Add($"{caller}: {call} — LEAK of {string.Join(", ", found)}: {Shorten(answer.Body)}");
                if (expected != Expected.Allowed && await system.Count(call.Service, "mt_events") != before)
                    failures.Add($"{caller}: {call} — refused, yet appended events");
            }
            else seen.UnionWith(found);
        }

        output.WriteLine($"access matrix: {cells.Count} cells = {calls.Count} calls × {callers.Count} callers; {failures.Count} failures");
        foreach (var caller in callers)
            output.WriteLine($"  {caller.Name,-32} " + string.Join(", ", tally.Where(t => t.Key.Caller == caller.Name).OrderBy(t => t.Key.Outcome).Select(t => $"{t.Key.Outcome}: {t.Value}")));
        output.WriteLine($"  markers seen by those who may: {seen.Count} of {marked.Markers.Count}; never: {string.Join(", ", marked.Markers.Keys.Except(seen))}");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(60)));
        MustBeSeen.Except(seen).ShouldBeEmpty("markers never seen even by those who may see them: the leak check would not notice them");
    }

    public enum Expected { Unauthenticated, Forbidden, ForbiddenForTheCenter, Allowed }

    /// <summary>What the declarations say: the token, then the role, then the center for a role held to its own on this call.</summary>
    private static Expected Predict(PolicyCall call, PolicyCaller caller) =>
        !caller.Authenticated ? Expected.Unauthenticated
        : !call.Method.Allows(caller.Role!) ? Expected.Forbidden
        : call.Method.HoldsToOwnCenter(caller.Role!) && call.TargetsTheCase && caller.Center != MarkedCase.Center ? Expected.ForbiddenForTheCenter
        : Expected.Allowed;

    /// <summary>
    /// A center refusal comes after the input check: a generic write body the handler finds wrong is answered 400 first
    /// (and reveals nothing); a read names only ids, so there the 403 must be exact.
    /// </summary>
    private static bool Matches(Expected expected, PolicyCall call, HttpStatusCode status) => expected switch
    {
        Expected.Unauthenticated => status == HttpStatusCode.Unauthorized,
        Expected.Forbidden => status == HttpStatusCode.Forbidden,
        Expected.ForbiddenForTheCenter => status == HttpStatusCode.Forbidden || (!call.IsRead && status == HttpStatusCode.BadRequest),
        _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
    };

    private static async Task<JsonAnswer> Send(PolicyCall call, PolicyCaller caller)
    {
        using var api = call.Service.Json(caller.Token);
        return call.Body is null
            ? await api.Send(new HttpMethod(call.Verb), call.Path)
            : await api.SendText(new HttpMethod(call.Verb), call.Path, call.Body);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
