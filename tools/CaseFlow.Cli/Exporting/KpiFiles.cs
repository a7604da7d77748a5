using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;

namespace CaseFlow.Cli.Exporting;

/// <summary>
/// KPI rows as a file: CSV (as_of, figure, dimensions, measure, value; CsvHelper quotes) or a JSON array of objects whose
/// dimensions are an object. Statistics answers are aggregates, a few hundred rows at most, so they are written at once.
/// </summary>
public static class KpiFiles
{
    public static readonly string[] CsvColumns = ["as_of", "figure", "dimensions", "measure", "value"];

    public static async Task Write(string format, TextWriter output, string asOf, IEnumerable<KpiRow> rows)
    {
        switch (format)
        {
            case "csv":
                await using (var csv = CsvWriter.Create(output, null, true))
                {
                    csv.WriteHeader(CsvColumns);
                    foreach (var row in rows)
                        await csv.WriteRecordAsync([asOf, row.Figure, row.DimensionText, row.Measure, row.Value.ToString(CultureInfo.InvariantCulture)]);
                    await csv.FlushAsync();
                }
                break;
            case "json":
                var array = new JsonArray();
                foreach (var row in rows)
                {
                    var dimensions = new JsonObject();
                    foreach (var (name, value) in row.Dimensions) dimensions[name] = value;
                    array.Add(new JsonObject
                    {
                        ["asOf"] = asOf, ["figure"] = row.Figure, ["dimensions"] = dimensions, ["measure"] = row.Measure, ["value"] = row.Value,
                    });
                }
                await output.WriteLineAsync(array.ToJsonString(new System.Text.Json.JsonSerializerOptions
                    { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                await output.FlushAsync();
                break;
            default:
                throw new ArgumentException($"unknown format '{format}'; use csv or json", nameof(format));
        }
    }
}
