namespace CaseFlow.Deployment.Tests;

/// <summary>The checkout under test: CASEFLOW_REPO, else the folder above the test binaries that holds CaseFlow.sln.</summary>
internal static class Repository
{
    public static readonly string Root = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("CASEFLOW_REPO") is { Length: > 0 } repo && File.Exists(Path.Combine(repo, "CaseFlow.sln")))
            return repo;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CaseFlow.sln not found above {AppContext.BaseDirectory}");
    }
}
