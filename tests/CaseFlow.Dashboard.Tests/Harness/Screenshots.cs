using Microsoft.Playwright;

namespace CaseFlow.Dashboard.Tests.Harness;

/// <summary>Screenshots of the pages, kept as test artifacts under .caseflow/screenshots/ (git-ignored) of the repository.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static async Task Take(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string Locate()
    {
        var repo = Environment.GetEnvironmentVariable("CASEFLOW_REPO");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); repo is null && dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CaseFlow.sln"))) repo = dir.FullName;
        return System.IO.Path.Combine(repo ?? AppContext.BaseDirectory, ".caseflow", "screenshots");
    }
}
