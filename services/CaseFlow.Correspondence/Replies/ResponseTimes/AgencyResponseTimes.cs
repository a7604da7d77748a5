using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.ServiceDefaults.Calendar;
using Marten.Events.Projections;

namespace CaseFlow.Correspondence.Replies.ResponseTimes;

/// <summary>How long one agency takes to answer one kind of letter, in calendar days from sending to reply (the center's dates).</summary>
public sealed record AgencyResponseTime(
    string Id, string AgencyId, string AgencyName, string Kind, IReadOnlyList<int> Days, double MedianDays, double P90Days)
{
    public int ReplyCount => Days.Count;

    public static string IdOf(string agencyId, string kind) => $"{agencyId}/{kind}";

    public AgencyResponseTime With(ReplyReceived reply, CenterCalendars calendars)
    {
        var days = Days.Append(calendars.LocalDate(reply.CenterId, reply.OccurredAt).DayNumber
            - calendars.LocalDate(reply.CenterId, reply.SentAt).DayNumber).Order().ToList();
        return this with { AgencyName = reply.AgencyName, Days = days, MedianDays = Percentile(days, 0.5), P90Days = Percentile(days, 0.9) };
    }

    /// <summary>Linear interpolation between the closest ranks (as spreadsheets' PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<int> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return Math.Round(sorted[low] + (rank - low) * (sorted[high] - sorted[low]), 2);
    }
}

/// <summary>Run by the async daemon: one writer per row, so replies to one agency never overwrite each other.</summary>
public sealed partial class AgencyResponseTimesProjection : MultiStreamProjection<AgencyResponseTime, string>
{
    private readonly CenterCalendars calendars;

    public AgencyResponseTimesProjection(CenterCalendars calendars)
    {
        this.calendars = calendars;
        Name = "agency-response-times";
        Identity<ReplyReceived>(e => AgencyResponseTime.IdOf(e.AgencyId, e.Kind));
    }

    public AgencyResponseTime Create(ReplyReceived reply) =>
        new AgencyResponseTime(AgencyResponseTime.IdOf(reply.AgencyId, reply.Kind), reply.AgencyId, reply.AgencyName, reply.Kind, [], 0, 0)
            .With(reply, calendars);

    public AgencyResponseTime Apply(ReplyReceived reply, AgencyResponseTime current) => current.With(reply, calendars);
}
