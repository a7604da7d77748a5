using System.Text.RegularExpressions;

namespace CaseFlow.Deployment.Tests.Settings;

/// <summary>
/// Every configuration key the services' source reads, found by its shape rather than by running them: a literal
/// <c>Section:Key</c> (also in a constant, an interpolated <c>{…}</c> part becomes <c>*</c>),
/// <c>GetConnectionString("X")</c> (→ <c>ConnectionStrings:X</c>), a top-level <c>GetSection("X")</c> (→ <c>X:*</c>,
/// its keys read relative to it) and an environment-style <c>configuration["OTEL_…"]</c>.
/// </summary>
internal static partial class SettingsReadByCode
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> WhereRead()
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var services = Repository.PathOf("services");
        foreach (var file in Directory.EnumerateFiles(services, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(services, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin")) continue;
            foreach (var key in KeysIn(File.ReadAllText(file)))
            {
                if (!found.TryGetValue(key, out var files)) found[key] = files = [];
                files.Add(relative);
            }
        }
        return found.ToDictionary(f => f.Key, f => (IReadOnlySet<string>)f.Value, StringComparer.OrdinalIgnoreCase);
    }

    public static IEnumerable<string> KeysIn(string source)
    {
        foreach (Match m in PathLiteral().Matches(source)) yield return Interpolation().Replace(m.Groups["key"].Value, "*");
        foreach (Match m in ConnectionString().Matches(source)) yield return $"ConnectionStrings:{m.Groups["name"].Value}";
        foreach (Match m in TopSection().Matches(source)) yield return $"{m.Groups["name"].Value}:*";
        foreach (Match m in EnvironmentStyle().Matches(source)) yield return m.Groups["name"].Value;
    }

    [GeneratedRegex(@"\$?""(?<key>[A-Z][A-Za-z0-9]*(?::(?:[A-Za-z0-9]+|\{[^}""]*\}))+)""")]
    private static partial Regex PathLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex("""GetConnectionString\(\s*"(?<name>\w+)"\s*\)""")]
    private static partial Regex ConnectionString();

    [GeneratedRegex("""[Cc]onfig(?:uration)?\.GetSection\(\s*"(?<name>\w+)"\s*\)""")]
    private static partial Regex TopSection();

    [GeneratedRegex("""[Cc]onfig(?:uration)?\[\s*"(?<name>[A-Z][A-Z0-9_]+)"\s*\]""")]
    private static partial Regex EnvironmentStyle();
}
