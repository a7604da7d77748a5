using System.Net;
using System.Text.Json.Nodes;
using static CaseFlow.IntegrationTests.Reporting.StatisticsSystem;

namespace CaseFlow.IntegrationTests.Reporting;

/// <summary>GetCaseloadStatistics over the known cases of <see cref="StatisticsSystem"/>: every figure computed by hand.</summary>
public sealed class CaseloadStatisticsTests(StatisticsSystem system) : IClassFixture<StatisticsSystem>
{
    private async Task<JsonObject> Statistics(string token, string query = "") =>
        await system.Intake.Json(token).Get($"/v1/statistics/caseload?asOf={AsOf}{query}").Ok();

    [Fact]
    public async Task Every_caseload_figure_counts_the_cases_as_of_the_given_time()
    {
        var answer = await Statistics(system.Dashboard);

        answer.Str("asOf").ShouldBe(AsOf);
        Number(answer["cases"]!.AsObject(), "count").ShouldBe(4);
        Counts(answer, "byProvince", "caseload.by_province").ShouldBe(new Dictionary<string, long> { ["Batken"] = 1, ["Jalal-Abad"] = 1, ["Osh"] = 2 });
        Counts(answer, "byCenter", "caseload.by_center").ShouldBe(new Dictionary<string, long>
            { ["batken"] = 1, ["jalal-abad"] = 1, ["kara-suu"] = 1, ["osh"] = 1 });
        Counts(answer, "byCategory", "caseload.by_category").ShouldBe(new Dictionary<string, long>
            { ["documents"] = 1, ["family-separation"] = 2, ["stranded-abroad"] = 1 });
        Counts(answer, "byStatus", "caseload.by_status").ShouldBe(new Dictionary<string, long> { ["closed"] = 2, ["open"] = 2 });
        Counts(answer, "byPriority", "caseload.by_priority").ShouldBe(new Dictionary<string, long> { ["normal"] = 4 });
        Counts(answer, "outcomes", "caseload.outcomes").ShouldBe(new Dictionary<string, long> { ["resolved-by-advice"] = 1, ["withdrawn"] = 1 });

        var weeks = answer["perWeek"]!["weeks"]!.AsArray().ToDictionary(w => w!.AsObject().Str("week"),
            w => (Number(w!.AsObject(), "opened"), Number(w!.AsObject(), "closed")));
        weeks.ShouldBe(new Dictionary<string, (long, long)>
            { ["2020-W14"] = (2, 0), ["2020-W15"] = (0, 1), ["2020-W17"] = (0, 1), ["2020-W19"] = (1, 0), ["2020-W23"] = (1, 0) });

        var consultation = answer["timeToFirstConsultation"]!.AsObject();
        (Number(consultation, "count"), Decimal(consultation, "medianDays"), Decimal(consultation, "p90Days")).ShouldBe((3L, 2.0, 3.6));
        var closure = answer["timeToClosure"]!.AsObject();
        (Number(closure, "count"), Decimal(closure, "medianDays"), Decimal(closure, "p90Days")).ShouldBe((2L, 15.0, 19.0));

        var share = answer["positiveOutcomeShare"]!.AsObject();
        share.Str("key").ShouldBe("donors.positive_outcome_share");
        (Number(share, "numerator"), Number(share, "denominator"), Decimal(share, "share")).ShouldBe((1L, 2L, 0.5));

        var aid = answer["peopleGivenLegalAid"]!["rows"]!.AsArray()
            .Select(r => $"{r!["sex"]}/{r["ageGroup"]}/{r["province"]}/{r["category"]}={r["people"]}").ToList();
        aid.ShouldBe(["female/adult/Osh/family-separation=1", "male/child/Osh/stranded-abroad=1", "unknown/unknown/Batken/documents=1"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task An_earlier_as_of_counts_only_what_had_happened_by_then()
    {
        var answer = await system.Intake.Json(system.Dashboard).Get("/v1/statistics/caseload?asOf=2020-04-15T00:00:00Z").Ok();

        answer.Str("asOf").ShouldBe("2020-04-15T00:00:00Z");
        Number(answer["cases"]!.AsObject(), "count").ShouldBe(2);
        Counts(answer, "byStatus", "caseload.by_status").ShouldBe(new Dictionary<string, long> { ["closed"] = 1, ["open"] = 1 });
        Number(answer["timeToClosure"]!.AsObject(), "count").ShouldBe(1);
        Decimal(answer["timeToClosure"]!.AsObject(), "medianDays").ShouldBe(10.0);
    }

    [Fact]
    public async Task Period_province_and_center_filters_narrow_the_cases_counted()
    {
        var osh = await Statistics(system.Dashboard, "&province=Osh");
        Counts(osh, "byCenter", "caseload.by_center").ShouldBe(new Dictionary<string, long> { ["kara-suu"] = 1, ["osh"] = 1 });
        osh["filter"]!.AsObject().Str("province").ShouldBe("Osh");

        var batken = await Statistics(system.Dashboard, "&centerId=batken");
        Number(batken["cases"]!.AsObject(), "count").ShouldBe(1);

        var mayJune = await Statistics(system.Dashboard, "&from=2020-05-01&to=2020-06-30");
        Counts(mayJune, "byCenter", "caseload.by_center").ShouldBe(new Dictionary<string, long> { ["batken"] = 1, ["jalal-abad"] = 1 });
        Counts(mayJune, "outcomes", "caseload.outcomes").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_operator_gets_the_figures_of_their_own_center_only()
    {
        var lawyer = system.Token(role: "operator", center: "kara-suu");
        var own = await Statistics(lawyer);
        Counts(own, "byCenter", "caseload.by_center").ShouldBe(new Dictionary<string, long> { ["kara-suu"] = 1 });
        own["filter"]!.AsObject().Str("centerId").ShouldBe("kara-suu");

        (await system.Intake.Json(lawyer).Get($"/v1/statistics/caseload?asOf={AsOf}&centerId=osh")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_dashboard_gets_counts_and_no_personal_data()
    {
        var answer = await system.Intake.Json(system.Dashboard).Get($"/v1/statistics/caseload?asOf={AsOf}");
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Body.ShouldNotContain(ApplicantName);
        answer.Body.ShouldNotContain("1990-05-01");
    }

    [Theory]
    [InlineData("&from=2020-13-01", "from")]
    [InlineData("&from=2020-06-01&to=2020-05-01", "to")]
    [InlineData("&centerId=atlantis", "centerId")]
    [InlineData("&province=Narnia", "province")]
    public async Task Bad_filters_are_refused_naming_the_field(string query, string field)
    {
        var answer = await system.Intake.Json(system.Dashboard).Get($"/v1/statistics/caseload?asOf={AsOf}{query}");
        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ViolatedFields.ShouldContain(field);
    }
}
