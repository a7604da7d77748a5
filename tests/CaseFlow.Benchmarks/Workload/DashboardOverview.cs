using System.Net;
using System.Text.RegularExpressions;
using CaseFlow.Access;
using CaseFlow.Benchmarks.Harness;
using CaseFlow.Dashboard;
using CaseFlow.Reporting.V1;
using CaseFlow.Testing.Processes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>
/// D2: the dashboard's overview page over (at least) a given number of cases — its server time, an HTTP GET of the page
/// prerendered with its figures for a logged-in dashboard user — and each statistics call it makes, beside the same
/// aggregates run as raw SQL on the reporting views in the same run. The dashboard is hosted in this process, pointed at
/// the bench's services; missing cases are opened through Intake's public API by the bench's parallel clients.
/// </summary>
public sealed partial class DashboardOverview(ServiceProcesses services, NpgsqlDataSource db, BenchInfrastructure infrastructure, Results results)
{
    public async Task Measure(IntakeClients clients, Delivery delivery, int cases, int calls, TimeSpan drainTimeout)
    {
        var have = await CountCases();
        if (have < cases)
        {
            Say($"D2: opening {cases - have:N0} more cases (of {cases:N0}) ...");
            var burst = await Delivery.OpenBurst(clients, cases - have);
            await delivery.WaitForArrivals(burst.Ids, drainTimeout);
        }
        var counted = await CountCases();
        // Pinned, so every load computes the same figures over the same rows.
        var asOf = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");

        await using var dashboard = await StartDashboard();
        using var browser = await LoggedIn(dashboard.Address);
        var overview = $"/?asOf={asOf}";
        await Page(browser, overview); // warm-up: the circuit-less prerender of a first request
        var page = await Latencies.Sequential(calls, _ => Page(browser, overview));
        var pageSql = await Latencies.Sequential(calls, async _ =>
        {
            foreach (var sql in new[] { CaseloadSql, CorrespondenceSql, ReunificationSql }) await Raw(sql);
        });

        var auth = new Metadata { { "authorization", $"Bearer {DevelopmentTokens.Issue(services.SigningKey, "bench-dashboard", CallerRoles.Dashboard, null, TimeSpan.FromHours(2))}" } };
        using var intake = GrpcChannel.ForAddress(services["intake"].Grpc);
        using var correspondence = GrpcChannel.ForAddress(services["correspondence"].Grpc);
        using var reunification = GrpcChannel.ForAddress(services["reunification"].Grpc);
        var filter = new StatisticsFilter { AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(asOf)) };
        var aggregations = new (string Id, string What, Func<Task> Call, string Sql)[]
        {
            ("caseload", "GetCaseloadStatistics", async () => await new Intake.Api.V1.Intake.IntakeClient(intake).GetCaseloadStatisticsAsync(filter, auth), CaseloadSql),
            ("correspondence", "GetCorrespondenceStatistics",
                async () => await new Correspondence.Api.V1.Correspondence.CorrespondenceClient(correspondence).GetCorrespondenceStatisticsAsync(filter, auth), CorrespondenceSql),
            ("reunification", "GetReunificationStatistics",
                async () => await new Reunification.Api.V1.Reunification.ReunificationClient(reunification).GetReunificationStatisticsAsync(filter, auth), ReunificationSql),
        };

        results.Add("D2.sql.page.p50", "raw SQL: the three calls' main aggregates one after the other", pageSql.P50, "ms");
        results.Add("D2.page.p50", $"dashboard overview page, HTTP GET prerendered with its figures, {counted:N0} cases: median", page.P50, "ms", "D2.sql.page.p50");
        results.Add("D2.page.p99", "dashboard overview page: 99th percentile", page.P99, "ms");
        foreach (var (id, what, call, sql) in aggregations)
        {
            await call();
            var api = await Latencies.Sequential(calls, _ => call());
            var raw = await Latencies.Sequential(calls, _ => Raw(sql));
            results.Add($"D2.sql.{id}.p50", $"raw SQL: {what}'s main aggregates on the reporting views", raw.P50, "ms");
            results.Add($"D2.{id}.p50", $"{what}, dashboard role, {counted:N0} cases: median", api.P50, "ms", $"D2.sql.{id}.p50");
            results.Add($"D2.{id}.p99", $"{what}: 99th percentile", api.P99, "ms");
        }
    }

    private string Reporting(string service) => $"{infrastructure.Schema(service)}_reporting";

    /// <summary>The caseload by province, category, status and priority, and the median time to closure.</summary>
    private string CaseloadSql => $"""
        select province, count(*) from {Reporting("intake")}.cases group by 1;
        select category, count(*) from {Reporting("intake")}.cases group by 1;
        select status, count(*) from {Reporting("intake")}.cases group by 1;
        select priority, count(*) from {Reporting("intake")}.cases group by 1;
        select percentile_cont(0.5) within group (order by extract(epoch from time_to_closure)) from {Reporting("intake")}.cases where closed_at is not null
        """;

    /// <summary>Letters outstanding and overdue by agency, and the agencies' median reply days.</summary>
    private string CorrespondenceSql => $"""
        select agency_id, count(*), count(*) filter (where reply_due_by < current_date) from {Reporting("correspondence")}.letters
        where replied_at is null and withdrawn_at is null group by 1;
        select agency_id, percentile_cont(0.5) within group (order by reply_days) from {Reporting("correspondence")}.letters where replied_at is not null group by 1
        """;

    /// <summary>Files by stage, the median days separated, and the flights' seats.</summary>
    private string ReunificationSql => $"""
        select stage, count(*) from {Reporting("reunification")}.reunifications group by 1;
        select percentile_cont(0.5) within group (order by coalesce(days_separated, current_date - separated_since))
        from {Reporting("reunification")}.reunifications where separated_since is not null;
        select count(*), coalesce(sum(capacity), 0), coalesce(sum(seats_filled), 0) from {Reporting("reunification")}.flights
        """;

    private async Task Raw(string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
    }

    private async Task<int> CountCases()
    {
        await using var command = db.CreateCommand($"select count(*) from {Reporting("intake")}.cases");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private sealed record HostedDashboard(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private async Task<HostedDashboard> StartDashboard()
    {
        var port = FreePorts.Block(18000, 20000, 1);
        var app = DashboardService.Build(
        [
            $"--Ports:Http={port}",
            $"--Services:Intake:Grpc={services["intake"].Grpc}",
            $"--Services:Correspondence:Grpc={services["correspondence"].Grpc}",
            $"--Services:Reunification:Grpc={services["reunification"].Grpc}",
            $"--Auth:SigningKey={services.SigningKey}",
            "--Dashboard:DefaultLanguage=en",
            "--environment=Development",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        return new HostedDashboard(app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Logs in through the login form (its antiforgery and handler fields included) as a dashboard user.</summary>
    private static async Task<HttpClient> LoggedIn(Uri address)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await http.GetStringAsync("/login");
        var fields = HiddenInput().Matches(form)
            .Select(m => (Name: NameAttribute().Match(m.Value).Groups[1].Value, Value: WebUtility.HtmlDecode(ValueAttribute().Match(m.Value).Groups[1].Value)))
            .Where(f => f.Name.Length > 0)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("Form.User", "bench-manager")).Append(new("Form.Role", CallerRoles.Dashboard)).Append(new("Form.Token", ""));
        using var answer = await http.PostAsync("/login", new FormUrlEncodedContent(fields));
        if (answer.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK))
            throw new InvalidOperationException($"D2: the dashboard login answered {(int)answer.StatusCode}");
        return http;
    }

    /// <summary>One page load: the prerendered page, which must hold its figures (not the login page, not an error).</summary>
    private static async Task Page(HttpClient http, string path)
    {
        using var answer = await http.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.OK || !html.Contains("data-key=\"caseload.cases\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"D2: GET {path} answered {(int)answer.StatusCode} without the caseload figures");
    }

    private static void Say(string line) => Console.Error.WriteLine($"bench: {line}");

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
