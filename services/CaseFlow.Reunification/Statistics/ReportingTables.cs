using CaseFlow.ServiceDefaults.Reporting;

namespace CaseFlow.Reunification.Statistics;

/// <summary>
/// Reunification's flat SQL for BI tools and for GetReunificationStatistics: one row per reunification track (separated member) and per charter
/// flight (views over the inline snapshots), and the travel disruptions (cancellations and rebookings, from the events).
/// No names, escorts, caregivers or reasons. Columns are described in docs/reporting.md.
/// </summary>
public sealed class ReportingTables : IReportingObjects
{
    public IEnumerable<string> Statements(ReportingNames names)
    {
        var (store, reporting) = (names.Store, names.Schema);
        // One row per track (separated member): the file's own fields are its first track, OtherTracks the rest (same names).
        string Track(string t, string from) => $"""
            select f.id as case_id,
                   f.data ->> 'CenterId' as center_id,
                   coalesce(c.province, '') as province,
                   lower(regexp_replace({t} ->> 'Stage', '([a-z])([A-Z])', '\1-\2', 'g')) as stage,
                   f.data ->> 'Priority' as priority,
                   (f.data ->> 'OpenedAt')::timestamptz as opened_at,
                   {t} -> 'Member' ->> 'Relationship' as relationship,
                   ({t} -> 'Member' ->> 'IsMinor')::boolean as is_minor,
                   {t} -> 'Member' ->> 'AgeGroup' as age_group,
                   {t} -> 'Member' ->> 'Country' as separated_in_country,
                   ({t} -> 'Member' ->> 'SeparatedSince')::date as separated_since,
                   ({t} ->> 'ReunitedOn')::date as reunited_on,
                   ({t} ->> 'DaysSeparated')::int as days_separated,
                   -- New columns go last: "create or replace view" may only add columns at the end.
                   {t} -> 'StageHistory' as stage_history
            from {from}
            left join {reporting}.centers c on c.id = f.data ->> 'CenterId'
            """;
        yield return $"""
            create or replace view {reporting}.reunifications as
            {Track("f.data", $"{store}.mt_doc_reunificationfile f")}
            union all
            {Track("t", $"{store}.mt_doc_reunificationfile f cross join lateral jsonb_array_elements(coalesce(f.data -> 'OtherTracks', '[]'::jsonb)) t")}
            """;
        yield return $"""
            create or replace view {reporting}.flights as
            select f.id as flight_id,
                   f.data ->> 'Number' as number,
                   f.data ->> 'From' as route_from,
                   f.data ->> 'To' as route_to,
                   (f.data ->> 'Date')::date as flight_date,
                   (f.data ->> 'Capacity')::int as capacity,
                   lower(f.data ->> 'Status') as status,
                   -- Escorts take seats: a passenger's Seats (1 when recorded before escorts did).
                   coalesce((select sum(greatest(1, coalesce((p -> 'Traveller' ->> 'Seats')::int, 1)))
                             from jsonb_array_elements(coalesce(f.data -> 'Passengers', '[]'::jsonb)) p), 0)::int as seats_filled,
                   jsonb_array_length(coalesce(f.data -> 'Waitlist', '[]'::jsonb)) as waitlisted,
                   -- New columns go last: "create or replace view" may only add columns at the end.
                   (f.data ->> 'ScheduledAt')::timestamptz as scheduled_at,
                   f.data -> 'LoadHistory' as load_history
            from {store}.mt_doc_flight f
            """;
        yield return $"""
            create or replace view {reporting}.travel_disruptions as
            select e.id as event_id,
                   e.stream_id as case_id,
                   e.data ->> 'CenterId' as center_id,
                   (e.data ->> 'FlightId')::uuid as flight_id,
                   (e.data ->> 'RebookedFlightId')::uuid as rebooked_flight_id,
                   (e.data ->> 'Waitlisted')::boolean as waitlisted,
                   (e.data ->> 'OccurredAt')::timestamptz as occurred_at
            from {store}.mt_events e
            where e.type = 'travel_disrupted'
            """;
    }
}
