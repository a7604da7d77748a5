using System.Text.Json.Nodes;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Demo;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.IntegrationTests.Acceptance;

/// <summary>DESIGN's acceptance: the Kara-Suu story replayed through the public APIs with its real dates.</summary>
public sealed class KaraSuuStoryTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private static readonly (string Service, string Type)[] StepsInOrder =
    [
        ("intake", "CaseOpened"),
        ("intake", "ConsultationHeld"),
        ("correspondence", "LetterSent"),           // the consulate
        ("correspondence", "ReplyReceived"),        // refused
        ("reunification", "PlanChanged"),           // the child comes home instead
        ("intake", "VulnerabilityRaised"),          // the caregiver's injury
        ("correspondence", "LetterSent"),           // the MFA application
        ("correspondence", "ReplyReceived"),        // approved
        ("reunification", "SeatAllocated"),         // KG-0704 of 2020-07-04
        ("reunification", "Arrived"),
        ("reunification", "Reunited"),
        ("intake", "CaseClosed"),
    ];

    [Fact]
    public async Task The_story_ends_reunified_with_one_timeline_the_plan_as_it_was_a_manifest_statistics_and_intact_chains()
    {
        var supervisor = system.Token(Caller.Supervisor, null, "coordinator");
        var (lawyer, coordinator) = (system.Apis(system.Token(user: "lawyer-kara-suu")), system.Apis(supervisor));

        var (caseId, flightId) = await KaraSuuStory.Run(lawyer, coordinator);

        var details = await lawyer.Intake.Get($"/v1/cases/{caseId}").Ok();
        details.Str("status").ShouldBe("closed");
        details.Str("outcome").ShouldBe("reunified");

        var auditor = new ServiceEndpoints(
        [
            ("intake", system.Intake.GrpcAddress), ("correspondence", system.Correspondence.GrpcAddress),
            ("reunification", system.Reunification.GrpcAddress),
        ], system.Token(Caller.Auditor, null, "donor-auditor"));
        var report = await CaseAudit.Gather(auditor, caseId, asOf: DateTimeOffset.Parse("2020-05-15T23:59:59Z"), knownAt: null, verify: true, CancellationToken.None);

        var timeline = report["timeline"]!.AsArray().Select(e => (Service: e!["service"]!.ToString(), Type: e["type"]!.ToString())).ToList();
        var reached = 0;
        foreach (var step in timeline)
            if (reached < StepsInOrder.Length && step == StepsInOrder[reached]) reached++;
        reached.ShouldBe(StepsInOrder.Length, $"the timeline stops matching at {StepsInOrder.ElementAtOrDefault(reached)}: {string.Join(", ", timeline)}");

        var asOfMay15 = report["states"]!["reunification"]!["state"]!;
        asOfMay15["Plan"]!.ToString().ShouldBe("parent-travels-to-child");
        report["states"]!["intake"]!["state"]!["Status"]!.ToString().ShouldBe("Open");

        report["verified"]!.GetValue<bool>().ShouldBeTrue(report["verifications"]!.ToJsonString());
        report["verifications"]!.AsArray().Count.ShouldBe(3);
        var flightChain = await system.Reunification.Json(supervisor).Get($"/v1/cases/{flightId}/verify").Ok();
        flightChain["intact"]!.GetValue<bool>().ShouldBeTrue();

        var manifest = await coordinator.Reunification.Get($"/v1/flights/{flightId}/manifest").Ok();
        manifest["passengers"]!.AsArray().Select(p => p!["name"]!.ToString()).ShouldContain("Aibek");

        await Eventually.True(async () => (await coordinator.Reunification.Find("/v1/reunification/statistics?centerId=kara-suu"))?["completed"]?
                .AsArray().Any(m => m!["month"]!.ToString() == "2020-07" && m["totalDaysSeparated"]!.ToString() == "110") == true,
            "the dashboard to count one reunification after 110 days apart");
    }
}
