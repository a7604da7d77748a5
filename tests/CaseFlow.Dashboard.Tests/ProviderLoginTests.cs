using CaseFlow.Access;
using CaseFlow.Dashboard.Tests.Harness;

namespace CaseFlow.Dashboard.Tests;

/// <summary>
/// Signing in at the installation's OIDC provider (authorization code with PKCE), in a real browser: a manager gets
/// the figures, which the dashboard read with its own provider-issued identity; an operator is told why not.
/// </summary>
public sealed class ProviderLoginTests(ProviderDashboardSystem system) : IClassFixture<ProviderDashboardSystem>
{
    [Fact]
    public async Task A_manager_signs_in_at_the_provider_and_sees_the_figures()
    {
        var lawyer = system.Provider.AccessToken("lawyer-aigul", CallerRoles.Operator, "kara-suu");
        await system.Intake.Json(lawyer).OpenCase(IntakeCalls.NewCase(occurredAt: "2020-03-02T09:00:00Z"));
        system.Provider.SignInAs("manager-aida", CallerRoles.Dashboard);

        var page = await SignInAtTheProvider("/?from=2020-01-01&to=2020-12-31");

        page.Url.ShouldNotContain("/login");
        await page.WaitForSelectorAsync("[data-live='yes']");
        (await page.Locator("[data-unavailable]").CountAsync()).ShouldBe(0,
            string.Join("; ", await page.Locator("[data-unavailable]").AllInnerTextsAsync()));
        var figures = await Figures.OnPage(page);
        figures.ShouldContainKey(("caseload.cases", ""));
        figures[("caseload.cases", "")].ShouldBe(1);
        page.Url.ShouldContain("from=2020-01-01");
        await Screenshots.Take(page, "overview-provider-login");
    }

    [Fact]
    public async Task An_operator_signed_in_at_the_provider_is_told_the_dashboard_is_not_for_their_role()
    {
        system.Provider.SignInAs("lawyer-aigul", CallerRoles.Operator, "kara-suu");

        var page = await SignInAtTheProvider("/");

        page.Url.ShouldContain("/login");
        (await page.Locator("[data-refusal]").InnerTextAsync()).ShouldContain("operator");
        (await page.Locator("[data-figure]").CountAsync()).ShouldBe(0);
    }

    /// <summary>A page of the dashboard opened in a fresh browser: the dashboard sends it to the provider and back.</summary>
    private async Task<Microsoft.Playwright.IPage> SignInAtTheProvider(string path)
    {
        var before = system.Provider.Authorizations;
        var context = await system.Browser.NewContextAsync(new() { BaseURL = system.DashboardAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // Away to the provider, whose answer the browser posts back to /signin-oidc, which redirects on.
        await page.WaitForURLAsync(url => url.StartsWith(system.DashboardAddress.ToString()) && !url.Contains("/signin-oidc"));
        system.Provider.Authorizations.ShouldBe(before + 1, "the dashboard sent the browser to the provider");
        return page;
    }
}
