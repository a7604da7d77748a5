using System.Net;
using System.Text.Json.Nodes;
using static CaseFlow.IntegrationTests.Reporting.StatisticsSystem;

namespace CaseFlow.IntegrationTests.Reporting;

/// <summary>GetCorrespondenceStatistics and the paged outstanding letters over the letters of <see cref="StatisticsSystem"/>.</summary>
public sealed class CorrespondenceStatisticsTests(StatisticsSystem system) : IClassFixture<StatisticsSystem>
{
    private async Task<JsonObject> Statistics(string asOf = AsOf, string query = "", string? token = null) =>
        await system.Correspondence.Json(token ?? system.Dashboard).Get($"/v1/statistics/correspondence?asOf={asOf}{query}").Ok();

    private static Dictionary<string, string> Agencies(JsonObject answer, string field, string key, Func<JsonObject, string> show)
    {
        answer[field]!.AsObject().Str("key").ShouldBe(key);
        return (answer[field]!["agencies"]?.AsArray() ?? []).ToDictionary(a => a!.AsObject().Str("agencyId"), a => show(a!.AsObject()));
    }

    private static string Letters(JsonObject a) => $"{Number(a, "outstanding")}/{Number(a, "overdue")}";

    private static string Timeliness(JsonObject a) =>
        $"{Number(a, "replies")} median {Decimal(a, "medianDays")} p90 {Decimal(a, "p90Days")} within {Decimal(a, "shareWithinDue")}";

    [Fact]
    public async Task Letters_outstanding_overdue_response_times_and_follow_ups_are_counted_as_of_the_given_time()
    {
        var answer = await Statistics();

        answer.Str("asOf").ShouldBe(AsOf);
        Number(answer["lettersSent"]!.AsObject(), "count").ShouldBe(4);
        Agencies(answer, "outstandingByAgency", "correspondence.outstanding_by_agency", Letters)
            .ShouldBe(new Dictionary<string, string> { ["ru-consulate-osh"] = "1/1", ["ru-embassy-bishkek"] = "1/0" });
        Agencies(answer, "responseTimes", "correspondence.response_times", Timeliness).ShouldBe(new Dictionary<string, string>
        {
            ["ru-consulate-osh"] = "1 median 10 p90 10 within 1", ["ru-embassy-bishkek"] = "1 median 30 p90 30 within 0",
        });
        Counts(answer, "followUpsNeeded", "correspondence.follow_ups_needed").ShouldBe(new Dictionary<string, long> { ["ru-consulate-osh"] = 1 });
    }

    [Fact]
    public async Task Earlier_as_of_times_see_the_letters_as_they_stood_then()
    {
        var midJune = await Statistics("2020-06-15T00:00:00Z");
        Agencies(midJune, "outstandingByAgency", "correspondence.outstanding_by_agency", Letters)
            .ShouldBe(new Dictionary<string, string> { ["ru-consulate-osh"] = "1/1", ["ru-embassy-bishkek"] = "2/0" });

        // Before the follow-up moved its due date, the Batken embassy letter was overdue too.
        var beforeFollowUp = await Statistics("2020-05-22T00:00:00Z");
        Agencies(beforeFollowUp, "outstandingByAgency", "correspondence.outstanding_by_agency", Letters)
            .ShouldBe(new Dictionary<string, string> { ["ru-consulate-osh"] = "1/1", ["ru-embassy-bishkek"] = "1/1" });
        Number(beforeFollowUp["lettersSent"]!.AsObject(), "count").ShouldBe(2);
    }

    [Fact]
    public async Task Province_and_center_filters_and_the_operators_own_center()
    {
        var batken = await Statistics(query: "&province=Batken");
        Number(batken["lettersSent"]!.AsObject(), "count").ShouldBe(2);
        (batken["responseTimes"]!["agencies"]?.AsArray() ?? []).ShouldBeEmpty();

        var lawyer = system.Token(role: "operator", center: "jalal-abad");
        var own = await Statistics(token: lawyer);
        own["filter"]!.AsObject().Str("centerId").ShouldBe("jalal-abad");
        Number(own["lettersSent"]!.AsObject(), "count").ShouldBe(2);
        (own["outstandingByAgency"]!["agencies"]?.AsArray() ?? []).ShouldBeEmpty();
        (await system.Correspondence.Json(lawyer).Get($"/v1/statistics/correspondence?centerId=batken")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var bad = await system.Correspondence.Json(system.Dashboard).Get("/v1/statistics/correspondence?to=yesterday");
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.ViolatedFields.ShouldContain("to");
    }

    [Fact]
    public async Task Outstanding_letters_come_in_pages_without_skipping_or_repeating_one()
    {
        var client = system.Correspondence.Json(system.Supervisor);
        var first = await client.Get("/v1/outstanding-letters?pageSize=1").Ok();
        first["letters"]!.AsArray().Count.ShouldBe(1);
        var second = await client.Get($"/v1/outstanding-letters?pageSize=1&pageToken={Uri.EscapeDataString(first.Str("nextPageToken"))}").Ok();
        second["letters"]!.AsArray().Count.ShouldBe(1);
        second["nextPageToken"]?.ToString().ShouldBeNullOrEmpty();
        var all = (await client.Get("/v1/outstanding-letters").Ok())["letters"]!.AsArray().Select(l => l!["letterId"]!.ToString()).ToList();
        all.ShouldBe([first["letters"]![0]!["letterId"]!.ToString(), second["letters"]![0]!["letterId"]!.ToString()]);

        (await client.Get("/v1/outstanding-letters?pageToken=garbage")).ViolatedFields.ShouldContain("pageToken");
        (await client.Get("/v1/outstanding-letters?pageSize=5000")).ViolatedFields.ShouldContain("pageSize");
    }

    [Fact]
    public async Task A_dashboard_gets_no_letter_subject_body_or_reply_summary()
    {
        var answer = await system.Correspondence.Json(system.Dashboard).Get($"/v1/statistics/correspondence?asOf={AsOf}");
        answer.Body.ShouldNotContain("Please advise");
        answer.Body.ShouldNotContain("See the rules");
        answer.Body.ShouldNotContain("Entry");
    }
}
