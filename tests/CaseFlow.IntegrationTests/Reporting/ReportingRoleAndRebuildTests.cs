using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;
using Npgsql;
using static CaseFlow.IntegrationTests.Reporting.StatisticsSystem;

namespace CaseFlow.IntegrationTests.Reporting;

/// <summary>The read-only reporting role BI tools use, and statistics that survive a rebuild of every projection.</summary>
public sealed class ReportingRoleAndRebuildTests(StatisticsSystem system) : IClassFixture<StatisticsSystem>
{
    private NpgsqlConnection AsReportingRole() => new(new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres)
    {
        Username = CaseFlowSystem.ReportingRole, Password = CaseFlowSystem.ReportingPassword, Pooling = false,
    }.ConnectionString);

    private RunningService[] Services => [system.Intake, system.Correspondence, system.Reunification];

    [Fact]
    public async Task The_reporting_role_reads_every_reporting_table_and_nothing_else()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        await using var reporting = AsReportingRole();
        await reporting.OpenAsync();
        (await new NpgsqlCommand("show jit", reporting).ExecuteScalarAsync()).ShouldBe("off", "the reporting role's sessions compile nothing");
        foreach (var service in Services)
        {
            var reportingTables = await Tables(admin, system.ReportingSchema(service));
            reportingTables.ShouldNotBeEmpty();
            foreach (var table in reportingTables)
                await new NpgsqlCommand($"select count(*) from {system.ReportingSchema(service)}.{table}", reporting).ExecuteScalarAsync();

            // Every table of the service itself (events, snapshots with sealed personal values, the access log) and its keys.
            var others = (await Tables(admin, system.Schema(service))).Select(t => $"{system.Schema(service)}.{t}")
                .Concat((await Tables(admin, $"{system.Schema(service)}_keys")).Select(t => $"{system.Schema(service)}_keys.{t}")).ToList();
            others.ShouldContain($"{system.Schema(service)}.mt_events");
            foreach (var table in others)
            {
                var refused = await Should.ThrowAsync<PostgresException>(() => new NpgsqlCommand($"select 1 from {table} limit 1", reporting).ExecuteScalarAsync());
                refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, table);
            }
        }
    }

    /// <summary>Grafana cannot run here: each panel of the provisioned dashboard runs its SQL as the reporting role instead.</summary>
    [Fact]
    public async Task Every_panel_of_the_provisioned_grafana_dashboard_runs_as_the_reporting_role()
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "infra/grafana/dashboards/caseflow-overview.json")))!;
        var panels = dashboard["panels"]!.AsArray();
        panels.ShouldNotBeEmpty();
        await using var reporting = AsReportingRole();
        await reporting.OpenAsync();
        foreach (var panel in panels)
            foreach (var target in panel!["targets"]!.AsArray())
            {
                // The dashboard names the schemas of ./caseflow run; this test's services have their own.
                var sql = Services.Aggregate(target!["rawSql"]!.ToString(),
                    (text, service) => text.Replace($"{service.Name}_reporting.", $"{system.ReportingSchema(service)}."));
                await using var reader = await new NpgsqlCommand(sql, reporting).ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CaseFlow.sln not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public async Task Rebuilding_every_projection_leaves_every_figure_identical_as_of_the_same_time()
    {
        var before = await AllFigures();
        foreach (var service in Services)
        {
            var admin = service.Json(system.Supervisor);
            foreach (var projection in (await admin.Get("/v1/admin/projections").Ok())["projections"]!.AsArray().Select(p => p!["name"]!.ToString()))
                (await admin.Post($"/v1/admin/projections/{projection}/rebuild", new { })).EnsureSuccess().Body.Replace(" ", "")
                    .ShouldContain("\"done\":true");
        }
        (await AllFigures()).ShouldBe(before);
    }

    private async Task<string> AllFigures()
    {
        var dashboard = system.Dashboard;
        var caseload = await system.Intake.Json(dashboard).Get($"/v1/statistics/caseload?asOf={AsOf}");
        var letters = await system.Correspondence.Json(dashboard).Get($"/v1/statistics/correspondence?asOf={AsOf}");
        var reunification = await system.Reunification.Json(dashboard).Get($"/v1/reunification/statistics?asOf={AsOf}");
        return string.Join("\n", caseload.EnsureSuccess().Body, letters.EnsureSuccess().Body, reunification.EnsureSuccess().Body);
    }

    private static async Task<List<string>> Tables(NpgsqlConnection connection, string schema)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1 order by 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
