using Microsoft.Extensions.Configuration;
using CaseFlow.Access;
using CaseFlow.Dashboard.Tests.Harness;
using Microsoft.Playwright;

namespace CaseFlow.Dashboard.Tests;

/// <summary>Every page, in every language, as each role that may log in: labels switch, and no personal data shows.</summary>
public sealed class PagesTests(StoryFixture system) : IClassFixture<StoryFixture>
{
    private static readonly string[] Pages = ["/", "/correspondence", "/reunification", "/definitions"];

    [Theory]
    [InlineData(CallerRoles.Dashboard)]
    [InlineData(CallerRoles.Supervisor)]
    public async Task No_page_shows_personal_data_whoever_logged_in(string role)
    {
        var page = await system.LoggedIn(role);
        var period = "from=2020-01-01&to=2021-12-31";
        foreach (var path in Pages)
            foreach (var query in new[] { "", period, "province=Osh&center=kara-suu" })
            {
                await DashboardSystem.Open(page, $"{path}?{query}");
                // The figures that would name someone if any page did: the letters' agencies, the flights.
                var html = await page.ContentAsync();
                foreach (var personal in system.PersonalValues)
                    html.ShouldNotContain(personal, Case.Insensitive, $"{path}?{query} as {role}");
            }
        foreach (var path in Pages)
        {
            await DashboardSystem.Open(page, $"{path}?{period}");
            (await page.Locator("[data-unavailable]").CountAsync()).ShouldBe(0, $"{path}: {await UnavailableText(page)}");
            await Screenshots.Take(page, $"{Name(path)}-{role}");
        }
    }

    [Fact]
    public async Task Switching_the_language_changes_the_labels_without_a_reload()
    {
        var page = await system.LoggedIn();
        await DashboardSystem.Open(page, "/reunification?lang=en");
        var overview = page.Locator("[data-nav='overview']");
        (await overview.InnerTextAsync()).ShouldBe("Overview");
        await page.EvaluateAsync("() => window.__stillTheSamePage = true");

        foreach (var (language, label, title) in new[] { ("ru", "Обзор", "Воссоединение по этапам"), ("ky", "Жалпы көрүнүш", "Бириктирүү баскычтар боюнча"), ("en", "Overview", "Reunification pipeline by stage") })
        {
            await page.Locator($"[data-lang='{language}']").ClickAsync();
            await Eventually.True(async () => await overview.InnerTextAsync() == label, $"the labels in {language}");
            (await page.Locator("[data-key='reunification.pipeline_by_stage'] a.definition").InnerTextAsync()).ShouldBe(title);
            page.Url.ShouldContain($"lang={language}");
            await Screenshots.Take(page, $"reunification-{language}");
        }
        (await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true")).ShouldBeTrue("the page was reloaded");
    }

    [Fact]
    public async Task Only_logged_in_dashboard_and_supervisor_users_get_in()
    {
        var context = await system.Browser.NewContextAsync(new() { BaseURL = system.DashboardAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/reunification");
        page.Url.ShouldContain("/login");
        await Screenshots.Take(page, "login");

        await page.FillAsync("textarea[name='Form.Token']", system.Token(CallerRoles.Operator, "kara-suu", "lawyer-aigul"));
        await page.ClickAsync("button[type=submit]");
        (await page.Locator("[data-refusal]").InnerTextAsync()).ShouldContain("operator");
        await page.GotoAsync("/");
        page.Url.ShouldContain("/login");

        await page.FillAsync("textarea[name='Form.Token']", DevelopmentTokens.Issue(new string('x', 40), "forger", CallerRoles.Dashboard, null, TimeSpan.FromHours(1)));
        await page.ClickAsync("button[type=submit]");
        (await page.Locator("[data-refusal]").InnerTextAsync()).ShouldContain("not valid");

        await page.FillAsync("textarea[name='Form.Token']", system.Token(CallerRoles.Dashboard, null, "manager-from-cli"));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.WaitForSelectorAsync("[data-nav='overview']");
    }

    [Fact]
    public async Task The_province_and_center_filters_offer_the_services_reference_data()
    {
        using var shared = typeof(CaseFlow.ServiceDefaults.Hosting.CaseFlowHost).Assembly.GetManifestResourceStream("centers.json")!;
        var centers = CaseFlow.ServiceDefaults.Reporting.ReportingCenters.From(
            new ConfigurationBuilder().AddJsonStream(shared).Build()).All;
        centers.Count.ShouldBe(9);
        var page = await system.LoggedIn();

        await DashboardSystem.Open(page, "/");
        (await Options(page, "province")).ShouldBe(["", .. centers.Select(c => c.Province).Distinct()]);
        (await Options(page, "center")).ShouldBe(["", .. centers.Select(c => c.Id)]);
        await DashboardSystem.Open(page, "/?province=Batken");
        (await Options(page, "center")).ShouldBe(["", .. centers.Where(c => c.Province == "Batken").Select(c => c.Id)]);
    }

    private static async Task<IReadOnlyList<string>> Options(IPage page, string select) =>
        [.. await page.Locator($"select[name='{select}'] option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)")];

    private static string Name(string path) => path == "/" ? "overview" : path.Trim('/');

    private static async Task<string> UnavailableText(IPage page) =>
        string.Join("; ", await page.Locator("[data-unavailable]").AllInnerTextsAsync());
}
