using CaseFlow.Cli.Auditing;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary><c>caseflow audit access</c>: the three services' access logs merged into one list by time.</summary>
public sealed class AccessLogCommandTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private ServiceEndpoints Auditor => new(
        [("intake", system.Intake.GrpcAddress), ("correspondence", system.Correspondence.GrpcAddress), ("reunification", system.Reunification.GrpcAddress)],
        system.Token(Caller.Auditor, center: null, user: "cli-auditor"));

    [Fact]
    public async Task The_reads_of_a_case_and_of_a_user_come_merged_from_every_service_in_time_order()
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase(name: "Merged Reads"))).Str("caseId");
        await Eventually.Get(() => system.Reunification.Json(system.Token(user: "cli-reader")).Find($"/v1/cases/{caseId}/reunification"), "the reunification file");
        var reader = system.Apis(system.Token(user: "cli-reader"));
        await reader.Intake.Get($"/v1/cases/{caseId}").Ok();
        await reader.Reunification.Get($"/v1/cases/{caseId}/history").Ok();
        await reader.Intake.Get($"/v1/cases/{caseId}/timeline").Ok();

        var byCase = await AccessLogs.Gather(Auditor, new AccessQuery(Guid.Parse(caseId), null, null, null), CancellationToken.None);
        var mine = byCase.Where(r => r!["user"]!.ToString() == "cli-reader" && r["call"]!.ToString() != "/caseflow.reunification.v1.Reunification/GetReunification").ToList();
        mine.Select(r => (r!["service"]!.ToString(), r["call"]!.ToString())).ShouldBe(
        [
            ("intake", "/caseflow.intake.v1.Intake/GetCase"),
            ("reunification", "/caseflow.audit.v1.CaseAudit/GetCaseHistory"),
            ("intake", "/caseflow.intake.v1.Intake/GetCaseTimeline"),
        ]);
        byCase.Select(r => DateTimeOffset.Parse(r!["readAt"]!.ToString())).ShouldBeInOrder();

        var byUser = await AccessLogs.Gather(Auditor, new AccessQuery(null, "cli-reader", DateTimeOffset.UtcNow.AddHours(-1), null), CancellationToken.None);
        byUser.Select(r => r!["caseId"]!.ToString()).Distinct().ShouldBe([caseId]);
        byUser.Select(r => r!["service"]!.ToString()).Distinct().ShouldBe(["intake", "reunification"], ignoreOrder: true);
        AccessCommand.Render(byUser).ShouldContain("cli-reader (operator, kara-suu)");
    }
}
