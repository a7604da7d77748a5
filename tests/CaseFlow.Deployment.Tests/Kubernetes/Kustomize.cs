using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace CaseFlow.Deployment.Tests.Kubernetes;

/// <summary>One rendered object: its identity and its YAML, as <c>kubectl kustomize</c> printed it.</summary>
internal sealed record Manifest(string ApiVersion, string Kind, string Name, string Yaml)
{
    public string TypeKey => $"{ApiVersion}/{Kind}";

    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>Renders a kustomization with kubectl (offline: no API server needed), once per folder per test run.</summary>
internal static partial class Kustomize
{
    public const string Base = "infra/k8s/base";
    public const string Production = "infra/k8s/overlays/production";

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<Manifest>>> Rendered = new();
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();

    public static IReadOnlyList<Manifest> Render(string folder) =>
        Rendered.GetOrAdd(folder, f => new Lazy<IReadOnlyList<Manifest>>(() => Split(Run(f)))).Value;

    /// <summary>A document as plain values (maps, lists, typed scalars), e.g. to check against a JSON schema.</summary>
    public static object? Values(Manifest manifest) => Yaml.Deserialize<object>(manifest.Yaml);

    private static string Run(string folder)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Repository.PathOf(folder)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var errors = kubectl.StandardError.ReadToEndAsync();
        if (!kubectl.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            kubectl.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize {folder} did not finish in 60 s");
        }
        if (kubectl.ExitCode != 0) throw new InvalidOperationException($"kubectl kustomize {folder} failed: {errors.Result}");
        return output.Result;
    }

    private static List<Manifest> Split(string rendered) =>
        DocumentSeparator().Split(rendered).Where(d => !string.IsNullOrWhiteSpace(d)).Select(Identify).ToList();

    private static Manifest Identify(string yaml)
    {
        var values = (Dictionary<object, object?>)Yaml.Deserialize<object>(yaml)!;
        var metadata = (Dictionary<object, object?>)values["metadata"]!;
        return new Manifest(values["apiVersion"]!.ToString()!, values["kind"]!.ToString()!, metadata["name"]!.ToString()!, yaml);
    }

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}
