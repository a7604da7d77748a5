using CaseFlow.Cli.Demo;
using CaseFlow.Cli.Exporting;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.IntegrationTests.Demo;

/// <summary>
/// <c>caseflow demo --cases N</c> through the public APIs: a small N loads that many cases across the centers, and
/// loading it again with the same seed adds no event to any service (every call replays its request id).
/// </summary>
public sealed class SyntheticCasesTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private const int Cases = 24;

    private SyntheticCases Load(int seed) => new(
        center => system.Apis(system.Token(Caller.Operator, center, $"lawyer-{center}")),
        system.Apis(system.Token(Caller.Supervisor, center: null, user: "coordinator")), seed);

    [Fact]
    public async Task A_small_load_enters_its_cases_and_a_rerun_adds_nothing()
    {
        var advanced = 0;
        var loaded = await Load(seed: 7).Load(Cases, by => Interlocked.Add(ref advanced, by), CancellationToken.None);

        advanced.ShouldBe(Cases);
        loaded.CaseIds.Distinct().Count().ShouldBe(Cases);
        var rows = await ExportedCases();
        rows.Select(r => r.CaseId).ShouldBe(loaded.CaseIds, ignoreOrder: true);
        rows.Count(r => r.Status == "closed").ShouldBe(loaded.Closed);
        rows.Count(r => r.SeparatedMembers > 0).ShouldBe(loaded.Separated);
        rows.Select(r => r.CenterId).Distinct().Count().ShouldBeGreaterThan(3);
        rows.ShouldAllBe(r => r.OpenedAt.ToDateTimeOffset().Year >= 2020 && r.OpenedAt.ToDateTimeOffset().Year <= 2021);
        rows.ShouldContain(r => r.ApplicantName.Any(ch => ch >= 'А' && ch <= 'я'));
        (loaded.Letters > 0 && loaded.Flights >= 2).ShouldBeTrue();

        var before = await SettledEvents.Of(system, system.Intake, system.Correspondence, system.Reunification);
        var again = await Load(seed: 7).Load(Cases, _ => { }, CancellationToken.None);

        again.CaseIds.ShouldBe(loaded.CaseIds);
        var after = await SettledEvents.Of(system, system.Intake, system.Correspondence, system.Reunification);
        SettledEvents.Difference(before, after).ShouldBeEmpty("the rerun appended events");
        (await ExportedCases()).Count.ShouldBe(Cases);
    }

    private async Task<List<CaseExportRow>> ExportedCases()
    {
        var rows = new List<CaseExportRow>();
        using var call = new global::CaseFlow.Intake.Api.V1.Intake.IntakeClient(system.Intake.Grpc)
            .ExportCases(new ExportCasesRequest(), RunningService.Bearer(system.Token(Caller.Supervisor, center: null)));
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) rows.Add(call.ResponseStream.Current);
        return rows;
    }
}
