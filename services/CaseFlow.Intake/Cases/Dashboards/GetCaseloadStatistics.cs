using CaseFlow.ServiceDefaults.Reporting;
using CaseFlow.Reporting.V1;
using Npgsql;

namespace CaseFlow.Intake.Cases.Dashboards;

/// <summary>
/// The caseload figures of the dashboards and the donors' indicators, aggregated by PostgreSQL over the reporting view of
/// the case snapshots (ReportingTables). Every key is defined in docs/reporting.md.
/// </summary>
public sealed class GetCaseloadStatisticsHandler(NpgsqlDataSource database, ReportingNames names, ReportingCenters centers,
    TimeProvider clock)
{
    /// <summary>Outcomes that count as positive in the donors' share: the applicant's problem was solved.</summary>
    public static readonly IReadOnlyList<string> PositiveOutcomes = ["reunified", "returned-abroad", "resolved-by-advice"];

    public async Task<CaseloadStatistics> Handle(StatisticsFilter request, Caller caller, CancellationToken ct)
    {
        var scope = StatisticsScope.Parse(request, caller, clock.GetUtcNow(), centers);

        var queries = new FigureQueries(database, scope);
        var (opened, closed) = Cases(queries);
        var answer = new CaseloadStatistics
        {
            AsOf = scope.AsOfTimestamp,
            Filter = scope.Applied,
            Cases = queries.Total("caseload.cases", $"select count(*) from {opened}"),
            ByProvince = queries.Breakdown("caseload.by_province", By("province", opened)),
            ByCenter = queries.Breakdown("caseload.by_center", By("center_id", opened)),
            ByCategory = queries.Breakdown("caseload.by_category", By("category", opened)),
            ByStatus = queries.Breakdown("caseload.by_status", By("status_then", opened)),
            ByPriority = queries.Breakdown("caseload.by_priority", By("priority_then", opened)),
            PerWeek = new() { Key = "caseload.per_week" },
            Outcomes = queries.Breakdown("caseload.outcomes", $"select outcome, count(*) from {closed} group by 1 order by 1"),
            TimeToFirstConsultation = queries.Duration("caseload.time_to_first_consultation",
                Days("first_consultation_at - opened_at", $"{opened} where first_consultation_at <= $5")),
            TimeToClosure = queries.Duration("caseload.time_to_closure", Days("closed_at - opened_at", closed)),
            PeopleGivenLegalAid = new() { Key = "donors.people_given_legal_aid" },
            PositiveOutcomeShare = queries.Share("donors.positive_outcome_share",
                $"select count(*) filter (where outcome in ({string.Join(", ", PositiveOutcomes.Select(o => $"'{o}'"))})), count(*) from {closed}"),
        };
        queries.Rows($"""
            select week, sum(opened)::bigint, sum(closed)::bigint from (
              select to_char(opened_at at time zone 'UTC', 'IYYY-"W"IW') as week, 1 as opened, 0 as closed from {opened}
              union all
              select to_char(closed_at at time zone 'UTC', 'IYYY-"W"IW'), 0, 1 from {closed}) flow
            group by week order by week
            """, r => answer.PerWeek.Weeks.Add(new WeekFlow { Week = r.GetString(0), Opened = r.GetInt64(1), Closed = r.GetInt64(2) }));
        queries.Rows($"""
            select sex, age_group, province, category, count(*) from {opened} where first_consultation_at <= $5
            group by 1, 2, 3, 4 order by 1, 2, 3, 4
            """, r => answer.PeopleGivenLegalAid.Rows.Add(new LegalAidRecipients
            {
                Sex = r.GetString(0), AgeGroup = r.GetString(1), Province = r.GetString(2), Category = r.GetString(3), People = r.GetInt64(4),
            }));
        await queries.Run(ct);
        return answer;
    }

    /// <summary>
    /// The cases of the scope as of $5 (opened by then) with their status and priority then (from the snapshots' histories):
    /// those opened in the period, and those closed in it by then. Outcomes and times to closure count a case's last closing.
    /// </summary>
    private (string Opened, string Closed) Cases(FigureQueries queries)
    {
        var scoped = queries.Shared("scoped_cases", $"""
            select *,
                   lower({FactHistory.ValueAsOf("status_history", "case when closed_at <= $5 then 'closed' else 'open' end")}) as status_then,
                   lower({FactHistory.ValueAsOf("priority_history", "priority")}) as priority_then
            from {names.Schema}.cases
            where opened_at <= $5 and ($1::text is null or center_id = $1) and ($2::text is null or province = $2)
            """);
        var opened = queries.Shared("opened_cases",
            $"select * from {scoped} where ($3::timestamptz is null or opened_at >= $3) and ($4::timestamptz is null or opened_at < $4)");
        var closed = queries.Shared("closed_cases", $"""
            select * from {scoped}
            where closed_at <= $5 and ($3::timestamptz is null or closed_at >= $3) and ($4::timestamptz is null or closed_at < $4)
            """);
        return (opened, closed);
    }

    private static string By(string dimension, string opened) => $"select {dimension} as value, count(*) from {opened} group by 1 order by 1";

    private static string Days(string interval, string from) => $"""
        select count(*), percentile_cont(0.5) within group (order by days), percentile_cont(0.9) within group (order by days)
        from (select (extract(epoch from {interval}) / 86400)::float8 as days from {from}) d
        """;
}
