using System.Net.Sockets;
using CaseFlow.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CaseFlow.Dashboard.Tests.Harness;

/// <summary>
/// The three services of the integration harness, the dashboard beside them (pointed at their gRPC ports, trusting the
/// same development key), and one headless chromium for the test class.
/// </summary>
public class DashboardSystem : CaseFlowSystem
{
    private IPlaywright? playwright;
    private WebApplication? dashboard;

    public IBrowser Browser { get; private set; } = null!;
    public Uri DashboardAddress { get; private set; } = null!;

    /// <summary>Fewer seconds between refreshes than people need: the live test waits for one.</summary>
    protected virtual int RefreshSeconds => 1;

    /// <summary>Settings of a test class over the harness's own (the last value of a key wins).</summary>
    protected virtual string[] DashboardSettings => [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        dashboard = await StartDashboard();
        (playwright, Browser) = await Chromium.Launch();
    }

    private async Task<WebApplication> StartDashboard()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var app = DashboardService.Build(
            [
                $"--Ports:Http={port}",
                $"--Services:Intake:Grpc={Intake.GrpcAddress}",
                $"--Services:Correspondence:Grpc={Correspondence.GrpcAddress}",
                $"--Services:Reunification:Grpc={Reunification.GrpcAddress}",
                $"--Auth:SigningKey={SigningKey}",
                $"--Dashboard:RefreshSeconds={RefreshSeconds}",
                "--Dashboard:DefaultLanguage=en",
                "--environment=Development",
                $"--Logging:LogLevel:Default={Environment.GetEnvironmentVariable("CASEFLOW_TEST_LOGLEVEL") ?? "Warning"}",
                .. DashboardSettings,
            ], builder =>
            {
                // The static files of the build (blazor.web.js, MudBlazor's) are mapped in any environment: outside
                // Development the host looks only for published ones, and the tests run the build.
                builder.WebHost.UseStaticWebAssets();
            });
            try
            {
                await app.StartAsync();
                DashboardAddress = new Uri($"http://127.0.0.1:{port}");
                return app;
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is SocketException or null && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>A fresh browser context logged in through the login page as this user and role.</summary>
    public async Task<IPage> LoggedIn(string role = CallerRoles.Dashboard, string user = "manager-nurlan")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = DashboardAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Form.User']", user);
        await page.SelectOptionAsync("select[name='Form.Role']", role);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    /// <summary>Opens a dashboard page and waits until its interactive circuit has rendered the figures.</summary>
    public static async Task Open(IPage page, string path)
    {
        await page.GotoAsync(path);
        // The circuit's own render with its figures, not the prerendered page it replaces.
        await page.WaitForSelectorAsync("[data-live='yes']");
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (dashboard is not null)
        {
            await dashboard.StopAsync();
            await dashboard.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
