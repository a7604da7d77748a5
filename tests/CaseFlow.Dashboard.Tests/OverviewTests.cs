using CaseFlow.Dashboard.Tests.Harness;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reporting.V1;
using CaseFlow.Reunification.Api.V1;
using Google.Protobuf.WellKnownTypes;
using IntakeClient = CaseFlow.Intake.Api.V1.Intake.IntakeClient;
using ReunificationClient = CaseFlow.Reunification.Api.V1.Reunification.ReunificationClient;

namespace CaseFlow.Dashboard.Tests;

/// <summary>The overview page shows exactly what the services' statistics calls answer for the same filter.</summary>
public sealed class OverviewTests(StoryFixture system) : IClassFixture<StoryFixture>
{
    [Theory]
    [InlineData("", "", "", "", "overview-all")]
    [InlineData("2020-01-01", "2020-12-31", "Osh", "", "overview-osh-2020")]
    [InlineData("", "", "", "batken", "overview-batken")]
    public async Task Every_figure_on_the_overview_equals_the_apis_answer_for_the_same_filter(string from, string to, string province, string center, string screenshot)
    {
        var asOf = await Settled();
        var token = RunningService.Bearer(system.Token(CaseFlow.Access.CallerRoles.Dashboard, null, "api-reader"));
        var caseload = await new IntakeClient(system.Intake.Grpc).GetCaseloadStatisticsAsync(new StatisticsFilter
        {
            From = from, To = to, Province = province, CenterId = center, AsOf = Timestamp.FromDateTimeOffset(asOf),
        }, token);
        var reunification = await new ReunificationClient(system.Reunification.Grpc).GetReunificationStatisticsAsync(new StatisticsFilter
        {
            From = from, To = to, Province = province, CenterId = center, AsOf = Timestamp.FromDateTimeOffset(asOf),
        }, token);
        var expected = new Figures()
            .Add(caseload.Cases).Add(caseload.TimeToFirstConsultation).Add(caseload.TimeToClosure)
            .Add(caseload.ByProvince).Add(caseload.ByCenter).Add(caseload.ByCategory).Add(caseload.ByStatus).Add(caseload.ByPriority)
            .Add(caseload.PerWeek).Add(caseload.Outcomes).Add(caseload.PeopleGivenLegalAid).Add(caseload.PositiveOutcomeShare)
            .Add(reunification.SeparatedChildrenReunified);

        var page = await system.LoggedIn();
        await DashboardSystem.Open(page, $"/?from={from}&to={to}&province={province}&center={center}&asOf={Uri.EscapeDataString(asOf.ToString("O"))}");
        var shown = await Figures.OnPage(page);
        await Screenshots.Take(page, screenshot);

        shown.Keys.Except(expected.Keys).ShouldBeEmpty("figures on the page that the API did not answer");
        expected.Keys.Except(shown.Keys).ShouldBeEmpty("figures the API answered that the page does not show");
        foreach (var (figure, value) in expected) shown[figure].ShouldBe(value, 1e-9, $"{figure}");
        (await page.Locator("[data-as-of]").GetAttributeAsync("data-as-of")).ShouldBe(asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"));
        expected[(caseload.Cases.Key, "")].ShouldBeGreaterThan(0, "the filter should count some of the created cases");
    }

    [Fact]
    public async Task Charts_render_and_each_figure_links_to_its_definition()
    {
        var page = await system.LoggedIn();
        await DashboardSystem.Open(page, $"/?asOf={Uri.EscapeDataString((await Settled()).ToString("O"))}");

        (await page.Locator("[data-chart] svg").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("[data-chart] svg path, [data-chart] svg rect").CountAsync()).ShouldBeGreaterThan(0);
        foreach (var title in await page.Locator("[data-key]").AllAsync())
        {
            var key = (await title.GetAttributeAsync("data-key"))!;
            (await title.Locator("a.definition").GetAttributeAsync("href"))!.ShouldEndWith("#" + Uri.EscapeDataString(key));
        }
        await page.Locator("a.definition").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/definitions"));
        await page.WaitForSelectorAsync("[data-defines]");
        (await page.Locator("[data-defines]").CountAsync()).ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task A_new_case_shows_on_the_open_page_without_a_reload()
    {
        var page = await system.LoggedIn();
        await DashboardSystem.Open(page, "/?center=uzgen");
        var cases = page.Locator("[data-key='caseload.cases'] [data-figure]");
        var before = double.Parse((await cases.GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => window.__stillTheSamePage = true");

        await system.Apis(system.Token(center: "uzgen", user: "lawyer-uzgen")).Intake.OpenCase(IntakeCalls.NewCase(center: "uzgen", name: "Nilufar Abdykadyrova"));

        await Eventually.True(async () => await cases.GetAttributeAsync("data-value") == (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "the new case to show on the open page");
        (await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true")).ShouldBeTrue("the page was reloaded");
    }

    [Fact]
    public async Task A_bad_filter_is_refused_naming_the_field()
    {
        var page = await system.LoggedIn();
        await DashboardSystem.Open(page, "/?from=2020-13-45");
        (await page.Locator("[data-filter-problem]").InnerTextAsync()).ShouldStartWith("from:");
        (await page.Locator("[data-figure]").CountAsync()).ShouldBe(0);
    }

    /// <summary>A time after the story reached every service (the reunion counted), pinned for both sides.</summary>
    private async Task<DateTimeOffset> Settled()
    {
        var token = RunningService.Bearer(system.Token(CaseFlow.Access.CallerRoles.Dashboard, null, "api-reader"));
        await Eventually.True(async () => (await new ReunificationClient(system.Reunification.Grpc)
            .GetReunificationStatisticsAsync(new StatisticsFilter(), token)).Completed.Sum(c => c.Completed) > 0, "the reunion to be counted");
        return DateTimeOffset.UtcNow;
    }
}
