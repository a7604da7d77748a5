using CaseFlow.ServiceDefaults.Reporting;

namespace CaseFlow.Correspondence.Statistics;

/// <summary>
/// Correspondence's flat SQL for BI tools and for GetCorrespondenceStatistics: one row per sent letter (LetterFact), with the
/// province of its center and its dates at the center (sent_on, replied_on: week and month buckets take these), and never a subject, body or reply summary. Columns are described in docs/reporting.md.
/// </summary>
public sealed class ReportingTables : IReportingObjects
{
    public IEnumerable<string> Statements(ReportingNames names)
    {
        yield return $"""
            create or replace view {names.Schema}.letters as
            select l.id as letter_id,
                   (l.data ->> 'CaseId')::uuid as case_id,
                   coalesce(f.data ->> 'CenterId', l.data ->> 'CenterId') as center_id,
                   coalesce(c.province, '') as province,
                   l.data ->> 'AgencyId' as agency_id,
                   l.data ->> 'AgencyName' as agency_name,
                   l.data ->> 'Kind' as kind,
                   (l.data ->> 'SentAt')::timestamptz as sent_at,
                   (l.data ->> 'FirstDueBy')::date as first_due_by,
                   (l.data ->> 'ReplyDueBy')::date as reply_due_by,
                   (l.data ->> 'LastFollowUpAt')::timestamptz as last_follow_up_at,
                   (l.data ->> 'FollowUps')::int as follow_ups,
                   (l.data ->> 'RepliedAt')::timestamptz as replied_at,
                   (l.data ->> 'WithdrawnAt')::timestamptz as withdrawn_at,
                   ((l.data ->> 'RepliedAt')::timestamptz at time zone coalesce(l.data ->> 'TimeZone', 'UTC'))::date
                     - ((l.data ->> 'SentAt')::timestamptz at time zone coalesce(l.data ->> 'TimeZone', 'UTC'))::date as reply_days,
                   -- New columns go last: "create or replace view" may only add columns at the end.
                   l.data -> 'FollowUpHistory' as follow_up_history,
                   coalesce(l.data ->> 'TimeZone', 'UTC') as time_zone,
                   ((l.data ->> 'SentAt')::timestamptz at time zone coalesce(l.data ->> 'TimeZone', 'UTC'))::date as sent_on,
                   ((l.data ->> 'RepliedAt')::timestamptz at time zone coalesce(l.data ->> 'TimeZone', 'UTC'))::date as replied_on
            from {names.Store}.mt_doc_letterfact l
            left join {names.Store}.mt_doc_correspondencefile f on f.id = (l.data ->> 'CaseId')::uuid
            left join {names.Schema}.centers c on c.id = coalesce(f.data ->> 'CenterId', l.data ->> 'CenterId')
            """;
    }
}
