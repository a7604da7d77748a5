using System.Net;
using CaseFlow.FaultTests.Harness;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>
/// Each delivery mechanism switched off (test-only switches in services/CaseFlow.ServiceDefaults/Faults/FaultHooks.cs),
/// the scenario it guards run again: the conservation check must report the defect, so it is shown able to fail. The
/// cases damaged on purpose are left out of later balances; the service runs normally again afterwards.
/// </summary>
public sealed class MechanismOffTests(FaultSystem system) : Scenario(system)
{
    private static readonly TimeSpan ShortStall = TimeSpan.FromSeconds(15);
    private static readonly Dictionary<string, string> Normal = [];

    [Fact]
    public async Task Without_the_inbox_a_page_relayed_again_after_a_kill_is_noted_twice()
    {
        var cases = await CasesWithOpenReunification(40);
        await System.Services.Stop("intake");
        await System.Services.Restart("intake", new Dictionary<string, string> { ["Faults__BypassInbox"] = "true" });
        try
        {
            var markers = await Arm("reunification", RelayPaused);
            var before = await Applied("intake");
            var traffic = Cancel(cases);
            await Marker(markers, RelayPaused);
            await Eventually.True(async () => await Applied("intake") > before, "part of the page noted");
            await System.Services.Kill("reunification");
            await System.Services.Restart("reunification");
            await traffic;

            var outcome = await System.Conservation.Settle(ShortStall);
            var doubled = Twice(outcome, "ReunificationCancelled");
            doubled.ShouldNotBeEmpty($"with the inbox off, the repeats of the page must be noted twice: {outcome}");
            foreach (var id in doubled) System.Damaged.Add(id);
        }
        finally
        {
            await System.Services.Stop("intake");
            await System.Services.Restart("intake", Normal);
        }
        await Conserved();
    }

    [Fact]
    public async Task With_progress_stored_before_the_broker_has_the_page_a_killed_relay_loses_the_rest()
    {
        await System.Services.Stop("intake");
        await System.Services.Restart("intake", new Dictionary<string, string> { ["Faults__RelayProgressFirst"] = "true" });
        var markers = await Arm("intake", RelayPaused); // restarts intake (with the switch) when the hook was used before
        var traffic = Operator.OpenCases(100);
        var pageEnd = long.Parse((await Marker(markers, RelayPaused))["page-end"]);
        await Eventually.True(async () => await RelayPosition("intake") >= pageEnd, "the page's progress stored while it was still being published");
        await System.Services.Kill("intake");
        await System.Services.Restart("intake", Normal);
        await traffic;

        var outcome = await System.Conservation.Settle(ShortStall);
        var lost = outcome.Report.Balances.Where(b => b.Crossing.Source == "intake").SelectMany(b => b.Lost).Distinct().ToList();
        lost.ShouldNotBeEmpty($"with progress stored first, the unpublished rest of the page must be lost: {outcome}");
        foreach (var id in lost) System.Damaged.Add(id);
        await Conserved();
    }

    [Fact]
    public async Task Writers_of_one_case_that_race_instead_of_taking_turns_get_a_conflict_and_with_turns_none()
    {
        (await Conflicts()).ShouldBe(0, "writers that named no version take turns on the case's row lock");
        await System.Services.Stop("intake");
        await System.Services.Restart("intake", new Dictionary<string, string> { ["Faults__WritersRace"] = "true" });
        try
        {
            (await Conflicts()).ShouldBeGreaterThan(0, "racing without the lock or a retry, the loser sees the conflict");
        }
        finally
        {
            await System.Services.Stop("intake");
            await System.Services.Restart("intake", Normal);
        }
    }

    /// <summary>Rounds of 8 members added at once to one case, none naming a version: how many answered 409.</summary>
    private async Task<int> Conflicts()
    {
        var conflicts = 0;
        for (var round = 0; round < 3; round++)
        {
            var caseId = await Operator.OpenCase();
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Operator.TryAddMember(caseId, $"child-{i}")));
            answers.ShouldAllBe(a => a == HttpStatusCode.OK || a == HttpStatusCode.Conflict, string.Join(", ", answers));
            conflicts += answers.Count(a => a == HttpStatusCode.Conflict);
        }
        return conflicts;
    }

    private static IReadOnlyList<Guid> Twice(Conservation.Outcome outcome, string message) =>
        [.. outcome.Report.Balances.Where(b => b.Crossing.Message == message).SelectMany(b => b.AppliedTwice)];
}
