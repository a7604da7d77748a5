using System.Globalization;
using CaseFlow.Intake.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace CaseFlow.Cli.Exporting;

/// <summary>
/// Intake's case export written to a file as its rows stream in: the service says how many to expect and whether the
/// caller sees personal data (x-caseflow-total-rows, x-caseflow-personal-columns); nothing is held beyond one row.
/// </summary>
public static class CaseExport
{
    public static async Task<long> Write(GrpcChannel intake, Metadata headers, ExportCasesRequest filter, string format,
        TextWriter output, Func<long?, ProgressBar> progress, CancellationToken ct)
    {
        using var call = new Intake.Api.V1.Intake.IntakeClient(intake).ExportCases(filter, headers, cancellationToken: ct);
        var answer = await call.ResponseHeadersAsync;
        long? total = long.TryParse(answer.GetValue("x-caseflow-total-rows"), CultureInfo.InvariantCulture, out var n) ? n : null;
        var personal = answer.GetValue("x-caseflow-personal-columns") != "hidden";
        long written = 0;
        using var bar = progress(total);
        await using (var file = RowFiles.Open(format, output, CaseExportRow.Descriptor, personal))
        {
            await foreach (var row in call.ResponseStream.ReadAllAsync(ct))
            {
                await file.Write(row);
                written++;
                bar.Advance();
            }
        }
        return written;
    }

    /// <summary>A date or a time as given on the command line (a bare date is midnight UTC).</summary>
    public static Timestamp? At(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}
