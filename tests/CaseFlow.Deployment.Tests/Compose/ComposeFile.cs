using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CaseFlow.Deployment.Tests.Compose;

/// <summary>docker-compose.yml as compose reads it: YAML merge keys (<c>&lt;&lt;: *service</c>) applied.</summary>
internal sealed class ComposeFile
{
    /// <summary>The compose service that runs each CaseFlow app.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceOf = new Dictionary<string, string>
    {
        ["Intake"] = "intake", ["Correspondence"] = "correspondence", ["Reunification"] = "reunification", ["Dashboard"] = "dashboard",
    };

    private readonly Dictionary<object, object?> services;

    private ComposeFile(Dictionary<object, object?> services) => this.services = services;

    public static ComposeFile Load(string relative = "docker-compose.yml")
    {
        using var reader = new StringReader(Repository.Read(relative));
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(reader)));
        return new ComposeFile((Dictionary<object, object?>)root["services"]!);
    }

    public IEnumerable<string> ServiceNames => services.Keys.Select(k => k.ToString()!);

    public string? Image(string service) => Service(service).GetValueOrDefault("image")?.ToString();

    public bool Builds(string service) => Service(service).ContainsKey("build");

    /// <summary>The environment as configuration keys (<c>A__B</c> → <c>A:B</c>), list or map form.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var environment = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (Service(service).GetValueOrDefault("environment"))
        {
            case Dictionary<object, object?> map:
                foreach (var (name, value) in map) environment[Key(name.ToString()!)] = value?.ToString() ?? "";
                break;
            case List<object> list:
                foreach (var entry in list.Select(e => e.ToString()!))
                {
                    var split = entry.IndexOf('=');
                    environment[Key(split < 0 ? entry : entry[..split])] = split < 0 ? "" : entry[(split + 1)..];
                }
                break;
        }
        return environment;
    }

    private static string Key(string variable) => variable.Replace("__", ":");

    private Dictionary<object, object?> Service(string name) =>
        services.TryGetValue(name, out var service) ? (Dictionary<object, object?>)service! : throw new KeyNotFoundException($"compose has no service '{name}'");
}
