using CaseFlow.ServiceDefaults.Reporting;

namespace CaseFlow.Intake.Cases.Dashboards;

/// <summary>
/// Intake's flat SQL for BI tools (Grafana, Metabase, Power BI) and for GetCaseloadStatistics: views over
/// the case snapshots that show counts and times, never personal data (sex and age group at opening are plain facts, not
/// the birth date). Views over the inline snapshots are never stale and rebuild with them; they are (re)created at start so
/// a new version's columns appear by themselves. Columns are described in docs/reporting.md.
/// </summary>
public sealed class ReportingTables : IReportingObjects
{
    public IEnumerable<string> Statements(ReportingNames names)
    {
        var (store, reporting) = (names.Store, names.Schema);
        yield return Cases(store, reporting);
        yield return $"""
            create or replace view {reporting}.caseload as
            select center_id, province, category, status, count(*) as cases
            from {reporting}.cases
            group by center_id, province, category, status
            """;
        // The names the views had before the reporting schema, for readers that know them.
        yield return $"create or replace view {store}.case_facts as select * from {reporting}.cases";
        yield return $"create or replace view {store}.caseload as select * from {reporting}.caseload";
    }

    /// <summary>One row per case: where, what, how urgent, and how long things took.</summary>
    private static string Cases(string store, string reporting) => $"""
        create or replace view {reporting}.cases as
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
               -- The API's word (resolved-by-advice), not the stored enum name.
               lower(regexp_replace(c.data ->> 'Outcome', '([a-z])([A-Z])', '\1-\2', 'g')) as outcome,
               ((c.data ->> 'FirstConsultationAt')::timestamptz - (c.data ->> 'OpenedAt')::timestamptz) as time_to_first_consultation,
               ((c.data ->> 'ClosedAt')::timestamptz - (c.data ->> 'OpenedAt')::timestamptz) as time_to_closure,
               -- New columns go last: "create or replace view" may only add columns at the end.
               coalesce(c.data ->> 'Sex', 'unknown') as sex,
               coalesce(c.data ->> 'AgeGroup', 'unknown') as age_group,
               c.data -> 'PriorityHistory' as priority_history,
               c.data -> 'StatusHistory' as status_history
        from {store}.mt_doc_case c
        left join {reporting}.centers ctr on ctr.id = c.data ->> 'CenterId'
        """;
}
