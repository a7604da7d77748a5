using System.CommandLine;
using System.Text;
using CaseFlow.Access;
using CaseFlow.Cli.Auditing;
using CaseFlow.Intake.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CaseFlow.Cli.Exporting;

/// <summary>
/// <c>caseflow export cases --center osh --from 2020-01-01 --format csv &gt; cases.csv</c>: the file on stdout, its
/// progress on stderr. Who exports is a token's role (supervisor unless --role says otherwise, or CASEFLOW_TOKEN);
/// a dashboard's file has no personal columns, and an export with them is in Intake's access log.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var center = new Option<string?>("--center") { Description = "only this center's cases (e.g. kara-suu, osh)" };
        var province = new Option<string?>("--province") { Description = "only the cases of this province's centers (Osh, Batken, Jalal-Abad)" };
        var status = new Option<string?>("--status") { Description = "only cases in this status (open, closed, ...)" };
        var category = new Option<string?>("--category") { Description = "only cases of this category" };
        var priority = new Option<string?>("--priority") { Description = "only cases of this priority" };
        var from = new Option<string?>("--from") { Description = "opened at or after this date (2020-01-01) or time" };
        var to = new Option<string?>("--to") { Description = "opened before this date or time" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var role = new Option<string>("--role") { Description = "the role to export as", DefaultValueFactory = _ => CallerRoles.Supervisor };
        var asCenter = new Option<string?>("--as-center") { Description = "an operator's own center" };
        var user = new Option<string>("--user") { Description = "the name in the token", DefaultValueFactory = _ => "exporter" };
        var purpose = new Option<string?>("--purpose") { Description = "why, recorded in the access log with the export" };

        var cases = new Command("cases", "Export Intake's cases matching the filter, one row per case")
            { center, province, status, category, priority, from, to, format, role, asCenter, user, purpose };
        cases.SetAction(async (result, ct) =>
        {
            foreach (var (option, value) in new[] { ("--from", result.GetValue(from)), ("--to", result.GetValue(to)) })
                if (value is { Length: > 0 } && !DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    await Console.Error.WriteLineAsync($"{option}: '{value}' is not a date (2020-01-01) or a time (2020-01-01T09:00:00Z)");
                    return 2;
                }
            var filter = new ExportCasesRequest
            {
                CenterId = result.GetValue(center) ?? "", Province = result.GetValue(province) ?? "", Status = result.GetValue(status) ?? "",
                Category = result.GetValue(category) ?? "", Priority = result.GetValue(priority) ?? "",
                OpenedFrom = CaseExport.At(result.GetValue(from)), OpenedTo = CaseExport.At(result.GetValue(to)),
            };
            var token = Environment.GetEnvironmentVariable("CASEFLOW_TOKEN") is { Length: > 0 } given ? given
                : ServiceEndpoints.SignedToken(result.GetValue(user)!, result.GetValue(role)!, result.GetValue(asCenter));
            var headers = new Metadata { { "authorization", $"Bearer {token}" } };
            if (result.GetValue(purpose) is { Length: > 0 } why) headers.Add("x-caseflow-purpose", why);
            using var channel = GrpcChannel.ForAddress(ServiceEndpoints.Address("CASEFLOW_INTAKE_GRPC", ServicePorts.Intake.GrpcAddress));
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            try
            {
                await CaseExport.Write(channel, headers, filter, result.GetValue(format)!, stdout,
                    total => ProgressBar.OnStderr("cases", total), ct);
                return 0;
            }
            catch (RpcException e)
            {
                await Console.Error.WriteLineAsync($"export refused: {e.Status.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        });
        var export = new Command("export", "Export case lists and KPI tables (CSV or JSON) through the services' APIs") { cases };
        foreach (var table in KpiExport.Tables) export.Add(KpiCommand(table));
        return export;
    }

    /// <summary><c>caseflow export caseload --province Osh --as-of 2021-01-01 --format csv</c>: every figure of the statistics call.</summary>
    private static Command KpiCommand(string table)
    {
        var center = new Option<string?>("--center") { Description = "only this center (e.g. kara-suu, osh)" };
        var province = new Option<string?>("--province") { Description = "only this province's centers (Osh, Batken, Jalal-Abad)" };
        var from = new Option<string?>("--from") { Description = "period start, YYYY-MM-DD (included)" };
        var to = new Option<string?>("--to") { Description = "period end, YYYY-MM-DD (included)" };
        var asOf = new Option<string?>("--as-of") { Description = "compute the figures as of this date or time (now when not given)" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var role = new Option<string>("--role") { Description = "the role to export as", DefaultValueFactory = _ => CallerRoles.Dashboard };
        var user = new Option<string>("--user") { Description = "the name in the token", DefaultValueFactory = _ => "kpi-exporter" };
        var command = new Command(table, $"Export every figure of the {table} statistics as rows (as_of, figure, dimensions, measure, value)")
            { center, province, from, to, asOf, format, role, user };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(asOf) is { Length: > 0 } at && !DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                await Console.Error.WriteLineAsync($"--as-of: '{at}' is not a date (2020-01-01) or a time (2020-01-01T09:00:00Z)");
                return 2;
            }
            var filter = new CaseFlow.Reporting.V1.StatisticsFilter
            {
                CenterId = result.GetValue(center) ?? "", Province = result.GetValue(province) ?? "", From = result.GetValue(from) ?? "",
                To = result.GetValue(to) ?? "", AsOf = CaseExport.At(result.GetValue(asOf)),
            };
            var endpoints = ServiceEndpoints.FromEnvironment(result.GetValue(role)!, result.GetValue(user)!);
            var service = table == "caseload" ? "intake" : table;
            using var channel = endpoints.Channel(endpoints.Services.Single(s => s.Name == service).Grpc);
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            try
            {
                await KpiExport.Write(table, channel, endpoints.Authorization, filter, result.GetValue(format)!, stdout, ct);
                return 0;
            }
            catch (RpcException e)
            {
                await Console.Error.WriteLineAsync($"export refused: {e.Status.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        });
        return command;
    }
}
