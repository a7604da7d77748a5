using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Benchmarks.Harness;

public enum Better { Higher, Lower }

/// <summary>A target: either an absolute bound, or a multiple of the baseline figure measured in the same run.</summary>
public sealed record Target(Better Direction, double Bound, bool OfBaseline)
{
    public static Target AtLeast(double bound) => new(Better.Higher, bound, false);
    public static Target AtMost(double bound) => new(Better.Lower, bound, false);
    public static Target AtLeastTimesBaseline(double factor) => new(Better.Higher, factor, true);

    public bool IsMet(double value, double? ratio) => OfBaseline
        ? ratio is { } r && r >= Bound
        : Direction == Better.Higher ? value >= Bound : value <= Bound;

    public string Describe(string unit, string? baselineId) => OfBaseline
        ? $">= {Bound:0.##} x {baselineId}"
        : $"{(Direction == Better.Higher ? ">=" : "<=")} {Bound:0.##} {unit}";
}

/// <summary>One line of the table and of latest.json.</summary>
public sealed record Figure(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baselineId")] string? BaselineId,
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("met")] bool? Met);

public sealed class Results
{
    private readonly List<Figure> figures = [];

    public IReadOnlyList<Figure> Figures => figures;

    public double? Value(string id) => figures.LastOrDefault(f => f.Id == id)?.Value;

    /// <summary>Adds a figure; a baseline id names an earlier figure of this run, the ratio is value / baseline.</summary>
    public void Add(string id, string what, double value, string unit, string? baselineId = null, Target? target = null)
    {
        var baseline = baselineId is null ? null : Value(baselineId);
        double? ratio = baseline is { } b && b != 0 && double.IsFinite(value) ? Math.Round(value / b, 3) : null;
        var met = target is null || !double.IsFinite(value) ? (bool?)(target is null ? null : false) : target.IsMet(value, ratio);
        figures.Add(new Figure(id, what, Round(value), unit, baselineId, baseline is { } x ? Round(x) : null, ratio,
            target?.Describe(unit, baselineId), met));
        Console.Error.WriteLine($"bench: {id,-12} {Format(value),10} {unit,-8} {what}");
    }

    /// <summary>The ops/s, p50 and p99 of a throughput run as three figures.</summary>
    public void AddThroughput(string id, string what, Throughput run, string unit, string? baselineId = null,
        Target? rateTarget = null, string? latencyBaselineId = null, Target? p50Target = null, Target? p99Target = null)
    {
        Add(id, what, run.PerSecond, unit, baselineId, rateTarget);
        Add($"{id}.p50", $"{what}: median latency", run.Latencies.P50, "ms", latencyBaselineId is null ? null : $"{latencyBaselineId}.p50", p50Target);
        Add($"{id}.p99", $"{what}: 99th percentile latency", run.Latencies.P99, "ms", latencyBaselineId is null ? null : $"{latencyBaselineId}.p99", p99Target);
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine($"| {"id",-17} | {"figure",12} | {"unit",-7} | {"baseline",-22} | {"ratio",7} | {"target",-18} | met |");
        text.AppendLine($"|{new string('-', 19)}|{new string('-', 14)}|{new string('-', 9)}|{new string('-', 24)}|{new string('-', 9)}|{new string('-', 20)}|-----|");
        foreach (var f in figures)
        {
            var baseline = f.Baseline is { } b ? $"{Format(b)} ({f.BaselineId})" : "";
            var met = f.Met switch { true => "yes", false => "NO", null => "" };
            text.AppendLine($"| {f.Id,-17} | {Format(f.Value),12} | {f.Unit,-7} | {baseline,-22} | {(f.Ratio?.ToString("0.###", CultureInfo.InvariantCulture) ?? ""),7} | {f.Target ?? "",-18} | {met,-3} |");
        }
        return text.ToString();
    }

    public async Task Write(string path, object context)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var json = new JsonSerializerOptions { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(figures, json));
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".context.json"), JsonSerializer.Serialize(context, json));
    }

    public static string Format(double value) => !double.IsFinite(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("0.0#", CultureInfo.InvariantCulture);

    private static double Round(double value) => !double.IsFinite(value) ? value
        : Math.Abs(value) >= 100 ? Math.Round(value) : Math.Round(value, 2);
}
