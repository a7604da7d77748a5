using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.ServiceDefaults.Calendar;
using CaseFlow.ServiceDefaults.Reporting;
using Marten.Events.Projections;

namespace CaseFlow.Correspondence.Statistics;

/// <summary>
/// One sent letter as the dashboards count it: who it went to and when things happened, never its subject or body. The
/// times are business times, so figures "as of" a time read the same before and after a rebuild.
/// </summary>
/// <param name="Id">The letter id.</param>
/// <param name="FirstDueBy">The due date the letter was sent with: "answered within the due date" measures against it.</param>
/// <param name="ReplyDueBy">The due date in force after the last follow-up.</param>
/// <param name="TimeZone">The center's IANA zone: the reporting view takes the center's dates (sent on, replied on, due end) in it.</param>
public sealed record LetterFact(
    Guid Id, Guid CaseId, string CenterId, string AgencyId, string AgencyName, string Kind, DateTimeOffset SentAt,
    DateOnly FirstDueBy, DateOnly ReplyDueBy, DateTimeOffset? LastFollowUpAt = null, int FollowUps = 0,
    DateTimeOffset? RepliedAt = null, DateTimeOffset? WithdrawnAt = null, string TimeZone = "UTC")
{
    /// <summary>Every follow-up: the due date it moved (from, to) and when, so the due date in force as of a time is exact.</summary>
    public IReadOnlyList<FactChange> FollowUpHistory { get; init; } = [];
}

/// <summary>
/// Inline, with the events: the statistics never see a letter the streams do not have. An aggregation by letter id, so a
/// rebuild folds each letter's events in order whatever batch they fall in. Transfers are not followed here: the reporting
/// view takes the center of the case's correspondence file.
/// </summary>
public sealed partial class LetterFactsProjection : MultiStreamProjection<LetterFact, Guid>
{
    private readonly CenterCalendars calendars;

    public LetterFactsProjection(CenterCalendars calendars)
    {
        this.calendars = calendars;
        Name = "letter-facts";
        Identity<LetterSent>(e => e.LetterId);
        Identity<FollowUpSent>(e => e.LetterId);
        Identity<ReplyReceived>(e => e.LetterId);
        Identity<LetterWithdrawn>(e => e.LetterId);
    }

    public LetterFact Create(LetterSent sent) => new(sent.LetterId, sent.CaseId, sent.CenterId, sent.AgencyId, sent.AgencyName, sent.Kind,
        sent.OccurredAt, sent.ReplyDueBy, sent.ReplyDueBy, TimeZone: calendars.ZoneId(sent.CenterId));

    public LetterFact Apply(FollowUpSent followUp, LetterFact letter) => letter with
    {
        ReplyDueBy = followUp.ReplyDueBy, LastFollowUpAt = followUp.OccurredAt, FollowUps = letter.FollowUps + 1,
        // Each follow-up counts, even one that keeps the due date: it answers "a follow-up is needed".
        FollowUpHistory = [.. letter.FollowUpHistory, new FactChange(Day(letter.ReplyDueBy), Day(followUp.ReplyDueBy), followUp.OccurredAt)],
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public LetterFact Apply(ReplyReceived replied, LetterFact letter) => letter with { RepliedAt = replied.OccurredAt };

    public LetterFact Apply(LetterWithdrawn withdrawn, LetterFact letter) => letter with { WithdrawnAt = withdrawn.OccurredAt };
}
