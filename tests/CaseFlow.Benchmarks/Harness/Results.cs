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
    [property: JsonPropertyName("met")] bool? Met,
    [property: JsonPropertyName("runs")] int Runs = 1,
    [property: JsonPropertyName("min")] double? Min = null,
    [property: JsonPropertyName("max")] double? Max = null);

public sealed class Results
{
    private readonly List<Figure> figures = [];
    /// <summary>What each main-run figure was added with, so that repetitions can be summarised with the same baselines and targets.</summary>
    private readonly List<(string Id, string What, string Unit, string? BaselineId, Target? Target)> added = [];
    private string? comparedSuffix;

    public IReadOnlyList<Figure> Figures => figures;

    /// <summary>
    /// Inside the scope, figures are items of the main run measured again under another setting: "A1.p50" becomes
    /// "A1.plain.p50", its baseline is the main run's "A1.p50" and its ratio = main / this (e.g. encrypted / plain);
    /// targets stay with the main run.
    /// </summary>
    public IDisposable Compared(string suffix)
    {
        comparedSuffix = suffix;
        return new Scope(() => comparedSuffix = null);
    }

    /// <summary>Every figure measured under <paramref name="suffix"/>, beside the main run's figure it repeats.</summary>
    public IEnumerable<object> Comparisons(string suffix) => figures
        .Where(f => f.Id.Split('.').Skip(1).FirstOrDefault() == suffix)
        .Select(f => new { id = f.BaselineId, main = f.Baseline, compared = f.Value, comparedId = f.Id, unit = f.Unit, ratio = f.Ratio });

    public double? Value(string id) => figures.LastOrDefault(f => f.Id == id)?.Value;

    /// <summary>Adds a figure; a baseline id names an earlier figure of this run, the ratio is value / baseline.</summary>
    public void Add(string id, string what, double value, string unit, string? baselineId = null, Target? target = null) =>
        Add(id, what, value, unit, baselineId, target, runs: 1, min: null, max: null);

    private void Add(string id, string what, double value, string unit, string? baselineId, Target? target, int runs, double? min, double? max)
    {
        if (comparedSuffix is { } suffix)
        {
            AddCompared(id, suffix, what, value, unit);
            return;
        }
        added.Add((id, what, unit, baselineId, target));
        var baseline = baselineId is null ? null : Value(baselineId);
        double? ratio = baseline is { } b && b != 0 && double.IsFinite(value) ? Math.Round(value / b, 3) : null;
        var met = target is null || !double.IsFinite(value) ? (bool?)(target is null ? null : false) : target.IsMet(value, ratio);
        figures.Add(new Figure(id, what, Round(value), unit, baselineId, baseline is { } x ? Round(x) : null, ratio,
            target?.Describe(unit, baselineId), met, runs, min is { } lo ? Round(lo) : null, max is { } hi ? Round(hi) : null));
        if (runs == 1) Console.Error.WriteLine($"bench: {id,-12} {Format(value),10} {unit,-8} {what}");
    }

    /// <summary>
    /// --repeat N: one figure per id with the median of the repetitions as its value (ratios and targets judged on the
    /// medians), and their min and max; an id measured in only some repetitions counts those.
    /// </summary>
    public static Results Summary(IReadOnlyList<Results> runs)
    {
        if (runs.Count == 1) return runs[0];
        var summary = new Results();
        foreach (var (id, what, unit, baselineId, target) in runs.SelectMany(r => r.added).DistinctBy(a => a.Id))
        {
            var values = runs.Select(r => r.Value(id)).OfType<double>().ToList();
            var finite = values.Where(double.IsFinite).Order().ToList();
            var median = finite.Count == 0 ? double.NaN
                : finite.Count % 2 == 1 ? finite[finite.Count / 2] : (finite[finite.Count / 2 - 1] + finite[finite.Count / 2]) / 2;
            summary.Add(id, what, median, unit, baselineId, target, values.Count,
                finite.Count == 0 ? null : finite[0], finite.Count == 0 ? null : finite[^1]);
        }
        return summary;
    }

    private void AddCompared(string mainId, string suffix, string what, double value, string unit)
    {
        var dot = mainId.IndexOf('.');
        var id = dot < 0 ? $"{mainId}.{suffix}" : $"{mainId[..dot]}.{suffix}{mainId[dot..]}";
        var main = Value(mainId);
        double? ratio = main is { } m && value != 0 && double.IsFinite(value) && double.IsFinite(m) ? Math.Round(m / value, 3) : null;
        figures.Add(new Figure(id, $"{what} ({suffix}; ratio = {mainId} / this)", Round(value), unit, main is null ? null : mainId,
            main is { } x ? Round(x) : null, ratio, null, null));
        Console.Error.WriteLine($"bench: {id,-12} {Format(value),10} {unit,-8} {what} ({suffix})");
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
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
        var repeated = figures.Any(f => f.Runs > 1);
        string Range(Figure f) => !repeated ? "" : f.Min is { } lo && f.Max is { } hi ? $" {$"{Format(lo)} – {Format(hi)}",-21} |" : $" {"",-21} |";
        text.AppendLine($"| {"id",-22} | {(repeated ? "median" : "figure"),12} |{(repeated ? $" {"min – max",-21} |" : "")} {"unit",-7} | {"baseline",-28} | {"ratio",7} | {"target",-18} | met |");
        text.AppendLine($"|{new string('-', 24)}|{new string('-', 14)}|{(repeated ? new string('-', 23) + "|" : "")}{new string('-', 9)}|{new string('-', 30)}|{new string('-', 9)}|{new string('-', 20)}|-----|");
        foreach (var f in figures)
        {
            var baseline = f.Baseline is { } b ? $"{Format(b)} ({f.BaselineId})" : "";
            var met = f.Met switch { true => "yes", false => "NO", null => "" };
            text.AppendLine($"| {f.Id,-22} | {Format(f.Value),12} |{Range(f)} {f.Unit,-7} | {baseline,-28} | {(f.Ratio?.ToString("0.###", CultureInfo.InvariantCulture) ?? ""),7} | {f.Target ?? "",-18} | {met,-3} |");
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
