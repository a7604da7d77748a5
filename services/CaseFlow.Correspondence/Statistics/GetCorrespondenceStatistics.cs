using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Reporting.V1;
using CaseFlow.ServiceDefaults.Reporting;
using Npgsql;

namespace CaseFlow.Correspondence.Statistics;

/// <summary>
/// Letters outstanding and overdue by agency, agency response times and follow-ups needed, aggregated by PostgreSQL over the
/// reporting view of the letter facts, as of the filter's time. Every key is defined in docs/reporting.md.
/// </summary>
public sealed class GetCorrespondenceStatisticsHandler(NpgsqlDataSource database, ReportingNames names, ReportingCenters centers,
    TimeProvider clock)
{
    public async Task<CorrespondenceStatistics> Handle(StatisticsFilter request, Caller caller, CancellationToken ct)
    {
        var scope = StatisticsScope.Parse(request, caller, clock.GetUtcNow(), centers);
        var queries = new FigureQueries(database, scope);
        var (sent, outstanding) = Letters(queries);
        var answer = new CorrespondenceStatistics
        {
            AsOf = scope.AsOfTimestamp,
            Filter = scope.Applied,
            LettersSent = queries.Total("correspondence.letters_sent", $"select count(*) from {sent}"),
            OutstandingByAgency = new() { Key = "correspondence.outstanding_by_agency" },
            ResponseTimes = new() { Key = "correspondence.response_times" },
            FollowUpsNeeded = queries.Breakdown("correspondence.follow_ups_needed", $"""
                select agency_id, count(*) from {outstanding}
                where overdue and (last_follow_up_then is null or last_follow_up_then < due_end)
                group by 1 order by 1
                """),
        };
        queries.Rows($"""
            select agency_id, min(agency_name), count(*), count(*) filter (where overdue) from {outstanding} group by 1 order by 1
            """, r => answer.OutstandingByAgency.Agencies.Add(new AgencyLetters
            {
                AgencyId = r.GetString(0), AgencyName = r.GetString(1), Outstanding = r.GetInt64(2), Overdue = r.GetInt64(3),
            }));
        queries.Rows($"""
            select agency_id, min(agency_name), count(*),
                   percentile_cont(0.5) within group (order by reply_days), percentile_cont(0.9) within group (order by reply_days),
                   count(*) filter (where replied_on <= first_due_by)
            from {sent} where replied_at <= $5 group by 1 order by 1
            """, r =>
            {
                var replies = r.GetInt64(2);
                var withinDue = r.GetInt64(5);
                answer.ResponseTimes.Agencies.Add(new AgencyTimeliness
                {
                    AgencyId = r.GetString(0), AgencyName = r.GetString(1), Replies = replies, MedianDays = FigureQueries.Days(r, 3),
                    P90Days = FigureQueries.Days(r, 4), RepliesWithinDue = withinDue,
                    ShareWithinDue = replies == 0 ? 0 : Math.Round((double)withinDue / replies, 4),
                });
            });
        await queries.Run(ct);
        return answer;
    }

    /// <summary>
    /// The letters of the scope sent in the period (the center's local dates: $3 and $4 are the period's days at UTC midnight)
    /// by $5, and those outstanding as of $5 (not answered nor withdrawn by then), with the due date in force then (the
    /// first, or the one the last follow-up by then set), ending at midnight in the center's time zone, and whether it had passed.
    /// </summary>
    private (string Sent, string Outstanding) Letters(FigureQueries queries)
    {
        var sent = queries.Shared("sent_letters", $"""
            select * from {names.Schema}.letters
            where sent_at <= $5 and ($1::text is null or center_id = $1) and ($2::text is null or province = $2)
              and ($3::timestamptz is null or sent_on >= ($3::timestamptz at time zone 'UTC')::date)
              and ($4::timestamptz is null or sent_on < ($4::timestamptz at time zone 'UTC')::date)
            """);
        var outstanding = queries.Shared("outstanding_letters", $"""
            with as_of_then as (
              select *, {FactHistory.ValueAsOf("follow_up_history", "(case when last_follow_up_at <= $5 then reply_due_by else first_due_by end)::text")}::date as due_then,
                     coalesce((select max((h ->> 'At')::timestamptz) from jsonb_array_elements(follow_up_history) h where (h ->> 'At')::timestamptz <= $5),
                              case when follow_up_history is null and last_follow_up_at <= $5 then last_follow_up_at end) as last_follow_up_then
              from {sent}),
            in_force as (
              select *, (due_then + 1)::timestamp at time zone time_zone as due_end
              from as_of_then
              where (replied_at is null or replied_at > $5) and (withdrawn_at is null or withdrawn_at > $5))
            select *, $5 >= due_end as overdue from in_force
            """);
        return (sent, outstanding);
    }
}
