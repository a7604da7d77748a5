using System.Net;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Intake;

public sealed class ListCasesTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task Cases_are_filtered_sorted_and_paged_without_gaps_or_repeats()
    {
        var supervisor = system.Intake.Json(system.Token(role: "supervisor", center: null, user: "coordinator"));
        var opened = new List<string>();
        for (var day = 1; day <= 7; day++)
        {
            var center = day % 2 == 0 ? "osh" : "batken";
            opened.Add((await supervisor.OpenCase(IntakeCalls.NewCase(center: center, name: $"Ainura Day{day}", occurredAt: $"2020-05-{day:D2}T10:00:00Z"))).Str("caseId"));
        }
        await supervisor.OpenCase(IntakeCalls.NewCase(center: "batken", name: "Outside Range", occurredAt: "2020-06-20T10:00:00Z"));

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await supervisor.Get($"/v1/cases?openedFrom=2020-05-01T00:00:00Z&openedTo=2020-06-01T00:00:00Z&pageSize=3&pageToken={Uri.EscapeDataString(token ?? "")}")
                .Ok();
            seen.AddRange(page["cases"]!.AsArray().Select(c => c!["caseId"]!.ToString()));
            token = page["nextPageToken"]?.ToString();
        } while (!string.IsNullOrEmpty(token));

        seen.ShouldBe(opened);
        var osh = (await supervisor.Get("/v1/cases?centerId=osh&name=ainura").Ok())["cases"]!.AsArray();
        osh.Count.ShouldBe(3);
        osh.ShouldAllBe(c => c!["centerId"]!.ToString() == "osh");
        (await supervisor.Get("/v1/cases?name=AINURA%20day5").Ok())["cases"]!.AsArray().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_operator_lists_only_their_own_center_and_bad_filters_are_named()
    {
        await system.Intake.Json(system.Token(center: "uzgen")).OpenCase(IntakeCalls.NewCase(center: "uzgen", name: "Uzgen Applicant"));
        var uzgen = system.Intake.Json(system.Token(center: "uzgen"));

        (await uzgen.Get("/v1/cases").Ok())["cases"]!.AsArray().ShouldAllBe(c => c!["centerId"]!.ToString() == "uzgen");
        (await uzgen.Get("/v1/cases?centerId=osh")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await uzgen.Get("/v1/cases?status=sleeping")).Body.ShouldContain("status");
        (await uzgen.Get("/v1/cases?pageToken=garbage")).Body.ShouldContain("pageToken");
        (await uzgen.Get("/v1/cases?pageSize=100000")).Body.ShouldContain("pageSize");
    }

    [Fact]
    public async Task Dashboards_read_caseload_and_case_facts_as_flat_sql_without_personal_data()
    {
        var supervisor = system.Intake.Json(system.Token(role: "supervisor", center: null, user: "coordinator"));
        var caseId = (await supervisor.OpenCase(IntakeCalls.NewCase(center: "jalal-abad", name: "Dashboard Person"))).Str("caseId");
        await supervisor.OpenCase(IntakeCalls.NewCase(center: "jalal-abad", name: "Dashboard Person 2"));
        await supervisor.Post($"/v1/cases/{caseId}/close", new { requestId = Guid.NewGuid().ToString(), outcome = "resolved-by-advice", summary = "advice given" }).Ok();

        (await system.Count(system.Intake, "caseload", "center_id = 'jalal-abad' and province = 'Jalal-Abad' and status = 'open' and cases = 1")).ShouldBe(1);
        (await system.Count(system.Intake, "caseload", "center_id = 'jalal-abad' and status = 'closed' and cases = 1")).ShouldBe(1);
        (await system.Count(system.Intake, "case_facts", "case_id = $1::uuid and time_to_closure is not null", caseId)).ShouldBe(1);
    }
}
