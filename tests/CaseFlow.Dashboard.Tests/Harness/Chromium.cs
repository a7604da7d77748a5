using Microsoft.Playwright;

namespace CaseFlow.Dashboard.Tests.Harness;

/// <summary>
/// Debian's chromium (infra/chromium.sh installs it; CASEFLOW_CHROMIUM names another), headless, launched by Playwright:
/// Playwright cannot download a browser here. The flags keep it off the network this machine does not have.
/// </summary>
public static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("CASEFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright, IBrowser)> Launch()
    {
        if (!File.Exists(Path))
            throw new InvalidOperationException($"{Path} is missing: run infra/chromium.sh (./caseflow test does) to install Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
