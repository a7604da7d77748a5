using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reporting.V1;
using CaseFlow.Reunification.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace CaseFlow.Cli.Exporting;

/// <summary>
/// A KPI export: one service's statistics call, its figures written as rows. The answer is what the dashboard shows,
/// so whoever may see the dashboard may export it, and nothing personal is in it.
/// </summary>
public static class KpiExport
{
    public static readonly string[] Tables = ["caseload", "correspondence", "reunification"];

    public static async Task<IMessage> Statistics(string table, GrpcChannel channel, Metadata headers, StatisticsFilter filter, CancellationToken ct) => table switch
    {
        "caseload" => await new Intake.Api.V1.Intake.IntakeClient(channel).GetCaseloadStatisticsAsync(filter, headers, cancellationToken: ct),
        "correspondence" => await new Correspondence.Api.V1.Correspondence.CorrespondenceClient(channel).GetCorrespondenceStatisticsAsync(filter, headers, cancellationToken: ct),
        "reunification" => await new Reunification.Api.V1.Reunification.ReunificationClient(channel).GetReunificationStatisticsAsync(filter, headers, cancellationToken: ct),
        _ => throw new ArgumentException($"unknown KPI table '{table}'; use {string.Join(", ", Tables)}", nameof(table)),
    };

    /// <summary>Calls the statistics and writes them; returns how many rows.</summary>
    public static async Task<int> Write(string table, GrpcChannel channel, Metadata headers, StatisticsFilter filter, string format, TextWriter output, CancellationToken ct)
    {
        var statistics = await Statistics(table, channel, headers, filter, ct);
        var rows = KpiRows.Of(statistics, table).ToList();
        await KpiFiles.Write(format, output, AsOf(statistics), rows);
        return rows.Count;
    }

    /// <summary>The time the answer's figures are as of, ISO 8601 UTC as the case export writes times.</summary>
    public static string AsOf(IMessage statistics) =>
        statistics.Descriptor.FindFieldByName("as_of") is { } field && field.Accessor.GetValue(statistics) is Timestamp at
            ? at.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture) : "";
}
