using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;
using static CaseFlow.IntegrationTests.Reporting.StatisticsSystem;

namespace CaseFlow.IntegrationTests.Reporting;

/// <summary>
/// A figure asked as of a time is what it was then, not today's value: each change here is appended after the earlier
/// state, and the statistics are asked as of before it (priority, status, pipeline stage, a letter's due date in force).
/// </summary>
public sealed class FiguresAsOfTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private string Supervisor => system.Token(role: "supervisor", center: null, user: "coordinator");
    private string Dashboard => system.Token(role: "dashboard", center: null, user: "manager");
    private static string Id() => Guid.NewGuid().ToString();

    private async Task<JsonObject> Statistics(JsonApi api, string path, string asOf, string center) =>
        await api.Get($"{path}?asOf={asOf}&centerId={center}").Ok();

    [Fact]
    public async Task Priority_status_and_stage_as_of_an_earlier_time_are_what_they_were_then()
    {
        var intake = system.Intake.Json(Supervisor);
        var caseId = await SeparatedChildCase(intake, "uzgen");
        var c = $"/v1/cases/{caseId}";
        await Eventually.True(async () => (await system.Reunification.Json(Supervisor).Find($"{c}/reunification"))?["stage"]?.ToString() == "assessing",
            "the reunification file");
        await system.Reunification.Json(Supervisor).Post($"{c}/reunification/plan", new
            { requestId = Id(), occurredAt = "2020-05-20T09:00:00Z", plan = "child-travels-to-parent", reason = "the mother cannot enter" }).Ok();
        await intake.Post($"{c}/vulnerabilities", new
            { requestId = Id(), occurredAt = "2020-05-28T12:00:00Z", kind = "caregiver-incapacitated", memberId = "son-1", note = "broken legs" }).Ok();
        await intake.Post($"{c}/close", new { requestId = Id(), occurredAt = "2020-06-10T09:00:00Z", outcome = "resolved-by-advice", summary = "done" }).Ok();
        await intake.Post($"{c}/reopen", new { requestId = Id(), occurredAt = "2020-06-20T09:00:00Z", reason = "the flight was cancelled" }).Ok();

        var caseload = system.Intake.Json(Dashboard);
        Priority(await Statistics(caseload, "/v1/statistics/caseload", "2020-05-01T00:00:00Z", "uzgen")).ShouldBe("normal");
        Priority(await Statistics(caseload, "/v1/statistics/caseload", "2020-06-01T00:00:00Z", "uzgen")).ShouldBe("urgent");
        Status(await Statistics(caseload, "/v1/statistics/caseload", "2020-06-05T00:00:00Z", "uzgen")).ShouldBe("open");
        Status(await Statistics(caseload, "/v1/statistics/caseload", "2020-06-15T00:00:00Z", "uzgen")).ShouldBe("closed");
        Status(await Statistics(caseload, "/v1/statistics/caseload", "2020-06-25T00:00:00Z", "uzgen")).ShouldBe("open");

        var files = system.Reunification.Json(Dashboard);
        Stage(await Statistics(files, "/v1/reunification/statistics", "2020-05-01T00:00:00Z", "uzgen")).ShouldBe("assessing");
        Stage(await Statistics(files, "/v1/reunification/statistics", "2020-06-01T00:00:00Z", "uzgen")).ShouldBe("planned");
    }

    [Fact]
    public async Task A_letters_due_date_as_of_a_time_is_the_one_in_force_then()
    {
        var intake = system.Intake.Json(Supervisor);
        var caseId = await SeparatedChildCase(intake, "nookat");
        await Eventually.Get(() => system.Correspondence.Json(Supervisor).Find($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        await GiveConsent(system, Supervisor, caseId, ["consulate"], "2020-04-02T10:00:00Z");
        var letters = system.Correspondence.Json(Supervisor);
        var letterId = (await letters.Draft(caseId, new
        {
            requestId = Id(), agencyId = "ru-consulate-osh", language = "en", kind = "information-request", subject = "Entry", body = "Please advise.",
            occurredAt = "2020-04-21T09:00:00Z",
        })).Str("letterId");
        var letter = $"/v1/cases/{caseId}/letters/{letterId}";
        await letters.Post($"{letter}/sending", new { requestId = Id(), channel = "e-mail", replyDueBy = "2020-05-01", occurredAt = "2020-04-21T09:00:00Z" }).Ok();
        await letters.Post($"{letter}/follow-ups", new { requestId = Id(), channel = "e-mail", replyDueBy = "2020-05-20", occurredAt = "2020-05-05T09:00:00Z" }).Ok();
        await letters.Post($"{letter}/follow-ups", new { requestId = Id(), channel = "e-mail", replyDueBy = "2020-06-30", occurredAt = "2020-05-25T09:00:00Z" }).Ok();

        var answer = async (string asOf) => await Statistics(system.Correspondence.Json(Dashboard), "/v1/statistics/correspondence", asOf, "nookat");
        // Before the second follow-up the first one's due date (05-20) was in force: not overdue on 05-10, overdue on 05-22.
        Letters(await answer("2020-05-10T00:00:00Z")).ShouldBe("1/0");
        var overdue = await answer("2020-05-22T00:00:00Z");
        Letters(overdue).ShouldBe("1/1");
        Counts(overdue, "followUpsNeeded", "correspondence.follow_ups_needed").ShouldBe(new Dictionary<string, long> { ["ru-consulate-osh"] = 1 });
        Letters(await answer("2020-06-01T00:00:00Z")).ShouldBe("1/0");
    }

    [Fact]
    public async Task A_flights_capacity_and_status_as_of_a_time_are_what_they_were_then()
    {
        var flights = system.Reunification.Json(Supervisor);
        var flightId = (await flights.Post("/v1/flights", new
            { requestId = Id(), occurredAt = "2020-06-01T12:00:00Z", number = "KG-ASOF", from = "Moscow", to = "Osh", date = "2020-08-08", capacity = 100 }).Ok())
            .Str("flightId");
        await flights.Post($"/v1/flights/{flightId}/capacity", new { requestId = Id(), occurredAt = "2020-06-10T12:00:00Z", capacity = 150, reason = "a bigger plane" }).Ok();
        await flights.Post($"/v1/flights/{flightId}/cancel", new { requestId = Id(), occurredAt = "2020-06-20T12:00:00Z", reason = "borders closed" }).Ok();

        async Task<string> Figures(string asOf)
        {
            var f = (await system.Reunification.Json(Dashboard).Get($"/v1/reunification/statistics?asOf={asOf}&from=2020-08-08&to=2020-08-08").Ok())["flights"]!.AsObject();
            return $"{Number(f, "flights")} flights, {Number(f, "capacity")} seats, {Number(f, "cancelledFlights")} cancelled";
        }
        (await Figures("2020-05-01T00:00:00Z")).ShouldBe("0 flights, 0 seats, 0 cancelled");
        (await Figures("2020-06-05T00:00:00Z")).ShouldBe("1 flights, 100 seats, 0 cancelled");
        (await Figures("2020-06-15T00:00:00Z")).ShouldBe("1 flights, 150 seats, 0 cancelled");
        (await Figures("2020-06-25T00:00:00Z")).ShouldBe("1 flights, 150 seats, 1 cancelled");
    }

    private static async Task<string> SeparatedChildCase(JsonApi intake, string center)
    {
        var caseId = (await intake.Post("/v1/cases", new
            { requestId = Id(), centerId = center, category = "family-separation", applicantName = "As Of Applicant", occurredAt = "2020-04-01T09:00:00Z" }).Ok())
            .Str("caseId");
        var c = $"/v1/cases/{caseId}";
        await intake.Post($"{c}/family", new { requestId = Id(), occurredAt = "2020-04-01T09:20:00Z", member = new
            { memberId = "son-1", relationship = "son", fullName = "Son", birthDate = "2018-01-01", location = new { country = "Russia", city = "Moscow" }, caregiver = "aunt" } }).Ok();
        await intake.Post($"{c}/family/son-1/separation", new { requestId = Id(), occurredAt = "2020-04-01T09:25:00Z",
            location = new { country = "Russia", city = "Moscow" }, caregiver = "aunt", separatedSince = "2020-03-16" }).Ok();
        return caseId;
    }

    private static string Only(JsonObject answer, string field, string key) => Counts(answer, field, key).ShouldHaveSingleItem().Key;
    private static string Priority(JsonObject answer) => Only(answer, "byPriority", "caseload.by_priority");
    private static string Status(JsonObject answer) => Only(answer, "byStatus", "caseload.by_status");
    private static string Stage(JsonObject answer) => Only(answer, "pipelineByStage", "reunification.pipeline_by_stage");

    private static string Letters(JsonObject answer)
    {
        var agency = answer["outstandingByAgency"]!["agencies"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        return $"{Number(agency, "outstanding")}/{Number(agency, "overdue")}";
    }
}
