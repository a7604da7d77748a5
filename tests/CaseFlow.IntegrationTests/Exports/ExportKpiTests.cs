using System.Globalization;
using System.Text.Json.Nodes;
using CaseFlow.Cli.Exporting;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.IntegrationTests.Reporting;
using CaseFlow.Reporting.V1;
using CsvHelper;
using Grpc.Core;
using Grpc.Net.Client;

namespace CaseFlow.IntegrationTests.Exports;

/// <summary>
/// The KPI exports as the CLI writes them, over the known cases and letters of <see cref="StatisticsSystem"/>: the CSV
/// reads back (CsvHelper) to exactly the figures the statistics call answers, JSON carries the same rows, a dashboard
/// identity may export them and the file holds nothing personal, and a bad filter is answered naming its field.
/// </summary>
public sealed class ExportKpiTests(StatisticsSystem system) : IClassFixture<StatisticsSystem>
{
    private static readonly StatisticsFilter AsOf = new() { AsOf = CaseExport.At(StatisticsSystem.AsOf) };

    private GrpcChannel Channel(string table) => table switch
    {
        "caseload" => system.Intake.Grpc,
        "correspondence" => system.Correspondence.Grpc,
        _ => system.Reunification.Grpc,
    };

    private async Task<string> Export(string table, string format, StatisticsFilter? filter = null)
    {
        var output = new StringWriter();
        await KpiExport.Write(table, Channel(table), RunningService.Bearer(system.Dashboard), filter ?? AsOf, format, output, CancellationToken.None);
        return output.ToString();
    }

    private static List<(string AsOf, string Figure, string Dimensions, string Measure, double Value)> ReadCsv(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), null, false);
        var rows = new List<(string, string, string, string, double)>();
        while (reader.Read())
        {
            reader.Headers.ToArray().ShouldBe(KpiFiles.CsvColumns);
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), double.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    [Theory]
    [InlineData("caseload")]
    [InlineData("correspondence")]
    [InlineData("reunification")]
    public async Task The_csv_reads_back_to_every_figure_the_statistics_call_answers(string table)
    {
        var answer = await KpiExport.Statistics(table, Channel(table), RunningService.Bearer(system.Dashboard), AsOf, CancellationToken.None);

        var rows = ReadCsv(await Export(table, "csv"));

        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.AsOf == StatisticsSystem.AsOf);
        rows.Select(r => (r.Figure, r.Dimensions, r.Measure, r.Value))
            .ShouldBe(KpiRows.Of(answer, table).Select(r => (r.Figure, r.DimensionText, r.Measure, r.Value)));
        rows.ShouldNotContain(r => r.Dimensions.Contains(StatisticsSystem.ApplicantName));
    }

    [Fact]
    public async Task The_caseload_rows_hold_the_figures_as_the_api_names_them()
    {
        var answer = (CaseloadStatistics)await KpiExport.Statistics("caseload", system.Intake.Grpc, RunningService.Bearer(system.Dashboard), AsOf, CancellationToken.None);
        var rows = ReadCsv(await Export("caseload", "csv"));

        rows.Where(r => r.Figure == "caseload.by_province").Select(r => (r.Dimensions, r.Measure, r.Value))
            .ShouldBe(answer.ByProvince.Counts.Select(c => ($"value={c.Value}", "count", (double)c.Count_)));
        rows.ShouldContain(("2020-12-31T00:00:00Z", "caseload.by_province", "value=Osh", "count", 2.0));
        rows.ShouldContain(r => r.Figure == answer.Cases.Key && r.Dimensions == "" && r.Measure == "count" && r.Value == 4);
        rows.ShouldContain(r => r.Figure == "caseload.time_to_closure" && r.Measure == "p90_days" && r.Value == 19.0);
        rows.Where(r => r.Figure == answer.PeopleGivenLegalAid.Key).Select(r => r.Dimensions)
            .ShouldBe(answer.PeopleGivenLegalAid.Rows.Select(p => $"sex={p.Sex};age_group={p.AgeGroup};province={p.Province};category={p.Category}"));
    }

    [Fact]
    public async Task Json_carries_the_same_rows_as_the_csv()
    {
        var csv = ReadCsv(await Export("correspondence", "csv"));
        var json = JsonNode.Parse(await Export("correspondence", "json"))!.AsArray();

        json.Select(r => (r!["asOf"]!.ToString(), r["figure"]!.ToString(),
                string.Join(";", r["dimensions"]!.AsObject().Select(d => $"{d.Key}={d.Value}")), r["measure"]!.ToString(), r["value"]!.GetValue<double>()))
            .ShouldBe(csv);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_naming_its_field_and_writes_nothing()
    {
        var output = new StringWriter();
        var refused = await Should.ThrowAsync<RpcException>(() => KpiExport.Write("caseload", system.Intake.Grpc, RunningService.Bearer(system.Dashboard),
            new StatisticsFilter(AsOf) { Province = "mars" }, "csv", output, CancellationToken.None));

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldContain("province");
        output.ToString().ShouldBeEmpty();
    }
}
