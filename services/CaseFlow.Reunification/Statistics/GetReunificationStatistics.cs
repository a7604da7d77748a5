using CaseFlow.Reporting.V1;
using CaseFlow.ServiceDefaults.Reporting;
using Npgsql;

namespace CaseFlow.Reunification.Statistics;

/// <summary>
/// Dashboard figures, aggregated by PostgreSQL over the reporting views (ReportingTables) as of the filter's time: the pipeline
/// by stage, days separated, reunions per month, separated children reunified, and the charter flights; plus the figures the
/// call gave before (open files by stage, completions by center and month). Every key is defined in docs/reporting.md.
/// </summary>
public sealed class GetReunificationStatisticsHandler(NpgsqlDataSource database, ReportingNames names, ReportingCenters centers,
    TimeProvider clock)
{
    public const string DaysBuckets = "case when days <= 30 then '0-30' when days <= 90 then '31-90' when days <= 180 then '91-180' "
        + "when days <= 365 then '181-365' else '366+' end";

    public async Task<ReunificationStatistics> Handle(StatisticsFilter request, Caller caller, CancellationToken ct)
    {
        var scope = StatisticsScope.Parse(request, caller, clock.GetUtcNow(), centers);
        var queries = new FigureQueries(database, scope);
        var files = Files(queries);
        var separations = Separations(queries, files);
        var reunions = Reunions(queries);
        var answer = new ReunificationStatistics
        {
            AsOf = scope.AsOfTimestamp,
            Filter = scope.Applied,
            PipelineByStage = queries.Breakdown("reunification.pipeline_by_stage",
                $"select stage_then, count(*) from {files} group by 1 order by 1"),
            DaysSeparated = queries.Breakdown("reunification.days_separated", $"select {DaysBuckets}, count(*) from {separations} group by 1 order by min(days)"),
            DaysSeparatedSummary = queries.Duration("reunification.days_separated_summary",
                $"select count(*), percentile_cont(0.5) within group (order by days), percentile_cont(0.9) within group (order by days) from {separations}"),
            ReunionsPerMonth = queries.Breakdown("reunification.reunions_per_month",
                $"select to_char(reunited_on, 'YYYY-MM'), count(*) from {reunions} group by 1 order by 1"),
            SeparatedChildrenReunified = queries.Total("donors.separated_children_reunified", $"select count(*) from {reunions} where is_minor"),
            Flights = new FlightFigures { Key = "reunification.flights" },
        };
        queries.Rows($"""
            select stage_then, count(*) from {files}
            where stage_then not in ('no-separation-reported', 'reunited', 'failed', 'cancelled') group by 1 order by 1
            """, r => answer.OpenByStage.Add(new StageCount { Stage = r.GetString(0), Count = (int)r.GetInt64(1) }));
        queries.Rows($"""
            select center_id, to_char(reunited_on, 'YYYY-MM'), count(*), sum(days_separated), min(days_separated), max(days_separated)
            from {reunions} group by 1, 2 order by 2, 1
            """, r => answer.Completed.Add(new CompletionsInMonth
            {
                CenterId = r.GetString(0), Month = r.GetString(1), Completed = (int)r.GetInt64(2), TotalDaysSeparated = (int)r.GetInt64(3),
                ShortestDaysSeparated = r.GetInt32(4), LongestDaysSeparated = r.GetInt32(5),
            }));
        queries.Rows($"""
            with flights as (
              select string_to_array({FactHistory.ValueAsOf("load_history", "null")}, '|') as load_then, *
              from {names.Schema}.flights where scheduled_at is null or scheduled_at <= $5),
            dated as (
              select coalesce(load_then[1]::int, capacity) as capacity, coalesce(load_then[2]::int, seats_filled) as seats_filled,
                     coalesce(load_then[3]::int, waitlisted) as waitlisted, coalesce(load_then[4], status) as status, flight_date
              from flights)
            select count(*), coalesce(sum(capacity), 0)::bigint, coalesce(sum(seats_filled), 0)::bigint, coalesce(sum(waitlisted), 0)::bigint,
                   count(*) filter (where status = 'cancelled'),
                   (select count(*) from {names.Schema}.travel_disruptions d
                    where d.rebooked_flight_id is not null and d.occurred_at <= $5
                      and ($3::timestamptz is null or d.occurred_at >= $3) and ($4::timestamptz is null or d.occurred_at < $4))
            from dated
            where ($3::timestamptz is null or flight_date >= ($3 at time zone 'UTC')::date) and ($4::timestamptz is null or flight_date < ($4 at time zone 'UTC')::date)
            """, r =>
            {
                var f = answer.Flights;
                (f.Flights, f.Capacity, f.SeatsFilled, f.Waitlisted, f.CancelledFlights, f.Rebookings) =
                    (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
            });
        await queries.Run(ct);
        return answer;
    }

    /// <summary>The files of the scope with a separation reported, opened in the period by $5, with their stage then.</summary>
    private string Files(FigureQueries queries) => queries.Shared("scoped_files", $"""
        select *, {StageThen} as stage_then from {names.Schema}.reunifications
        where opened_at <= $5 and separated_since is not null and ($1::text is null or center_id = $1) and ($2::text is null or province = $2)
          and ($3::timestamptz is null or opened_at >= $3) and ($4::timestamptz is null or opened_at < $4)
        """);

    /// <summary>The stage as of $5 from the file's stage history, in the view's words (travel-arranged); a file stored before
    /// snapshots kept the history has only its present stage.</summary>
    private static readonly string StageThen =
        $"coalesce(lower(regexp_replace({FactHistory.ValueAsOf("stage_history", "null")}, '([a-z])([A-Z])', '\\1-\\2', 'g')), stage)";

    /// <summary>Every separation of those files, in days: to the reunion, or to $5 while still apart then.</summary>
    private static string Separations(FigureQueries queries, string files) => queries.Shared("separations", $"""
        select (case when reunited_on <= ($5 at time zone 'UTC')::date then reunited_on else ($5 at time zone 'UTC')::date end) - separated_since as days
        from {files}
        """);

    /// <summary>The reunions of the scope in the period, by $5 (by the reunion's day, whenever the file was opened).</summary>
    private string Reunions(FigureQueries queries) => queries.Shared("scoped_reunions", $"""
        select * from {names.Schema}.reunifications
        where reunited_on <= ($5 at time zone 'UTC')::date and ($1::text is null or center_id = $1) and ($2::text is null or province = $2)
          and ($3::timestamptz is null or reunited_on >= ($3 at time zone 'UTC')::date) and ($4::timestamptz is null or reunited_on < ($4 at time zone 'UTC')::date)
        """);
}
