using CaseFlow.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseFlow.Intake.Cases.Dashboards;

/// <summary>
/// Flat SQL for BI tools (Grafana, Metabase, Power BI): the centers, and views over the case snapshots that
/// show counts and times, never personal data (sex and age group at opening are plain facts, not the birth date). Views over the
/// inline snapshots are never stale and need no rebuild; they are (re)created at start so a new version's columns appear by themselves.
/// </summary>
public sealed class DashboardViews(NpgsqlDataSource database, IConfiguration configuration, ServiceIdentity service,
    ReferenceData.ReferenceData reference) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var schema = configuration["EventStore:Schema"] ?? service.Name;
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"create table if not exists {schema}.centers (id text primary key, name text not null, province text not null)"));
        foreach (var center in reference.Centers)
        {
            var upsert = new NpgsqlBatchCommand(
                $"insert into {schema}.centers values ($1, $2, $3) on conflict (id) do update set name = excluded.name, province = excluded.province");
            upsert.Parameters.Add(new NpgsqlParameter { Value = center.Id });
            upsert.Parameters.Add(new NpgsqlParameter { Value = center.Name });
            upsert.Parameters.Add(new NpgsqlParameter { Value = center.Province });
            batch.BatchCommands.Add(upsert);
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CaseFacts(schema)));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Caseload(schema)));
        await batch.ExecuteNonQueryAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>One row per case: where, what, how urgent, and how long things took.</summary>
    private static string CaseFacts(string schema) => $"""
        create or replace view {schema}.case_facts as
        select c.id as case_id,
               c.data ->> 'CenterId' as center_id,
               coalesce(ctr.province, '') as province,
               c.data ->> 'Category' as category,
               c.data ->> 'Channel' as channel,
               lower(c.data ->> 'Status') as status,
               lower(c.data ->> 'Priority') as priority,
               (c.data ->> 'OpenedAt')::timestamptz as opened_at,
               date_trunc('week', (c.data ->> 'OpenedAt')::timestamptz) as opened_week,
               (c.data ->> 'FirstConsultationAt')::timestamptz as first_consultation_at,
               (c.data ->> 'ClosedAt')::timestamptz as closed_at,
               c.data ->> 'Outcome' as outcome,
               ((c.data ->> 'FirstConsultationAt')::timestamptz - (c.data ->> 'OpenedAt')::timestamptz) as time_to_first_consultation,
               ((c.data ->> 'ClosedAt')::timestamptz - (c.data ->> 'OpenedAt')::timestamptz) as time_to_closure,
               -- New columns go last: "create or replace view" may only add columns at the end.
               coalesce(c.data ->> 'Sex', 'unknown') as sex,
               coalesce(c.data ->> 'AgeGroup', 'unknown') as age_group
        from {schema}.mt_doc_case c
        left join {schema}.centers ctr on ctr.id = c.data ->> 'CenterId'
        """;

    private static string Caseload(string schema) => $"""
        create or replace view {schema}.caseload as
        select center_id, province, category, status, count(*) as cases
        from {schema}.case_facts
        group by center_id, province, category, status
        """;
}
