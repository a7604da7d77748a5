using CaseFlow.Reunification.Travel;
using CaseFlow.Reunification.Travel.ReleasingSeats;

namespace CaseFlow.Reunification.Reunions.Ending;

/// <param name="Failed">True when the reunification failed (e.g. entry refused for good), false when it was called off.</param>
/// <param name="WithCase">Called off by the case's closure (FollowCase), not by an operator.</param>
public sealed record EndReunification(bool Failed, string Reason, DateTimeOffset OccurredAt, bool WithCase = false)
{
    public static (FileCommand, EndReunification) ParseFailure(EndReunificationRequest request, DateTimeOffset now) =>
        Parse(request, failed: true, now);

    public static (FileCommand, EndReunification) ParseCancellation(EndReunificationRequest request, DateTimeOffset now) =>
        Parse(request, failed: false, now);

    /// <summary>
    /// The end of an open track's reunification; a seat or waitlist place it held goes to the next in line. Its group
    /// leaves the flight with it (siblings never fly in part): the group's other tracks are planned again, to ask anew.
    /// </summary>
    public static TravelDecision Decide(ReunificationFile file, Flight? flight, EndReunification command)
    {
        FileRules.EnsureOpen(file);
        ITrackFact ended = command.Failed
            ? new ReunificationFailed(file.Id, file.CenterId, file.OfApplicant(command.Reason), command.OccurredAt)
            : new ReunificationCancelled(file.Id, file.CenterId, file.OfApplicant(command.Reason), command.OccurredAt, WithCase: command.WithCase);
        var released = LeaveFlight.TracksLeaving(file).OfType<string>().Where(m => m != file.TrackId)
            .Select(m => new SeatReleased(file.Id, file.Booking?.FlightId, command.Reason, command.OccurredAt, m));
        return new TravelDecision([file.TrackId is { } id ? ended.On(id) : ended, .. released],
            LeaveFlight.Decide(flight, file.Id, file.TrackId, command.Reason, command.OccurredAt));
    }

    private static (FileCommand, EndReunification) Parse(EndReunificationRequest r, bool failed, DateTimeOffset now) =>
        FileCommand.Parse(failed ? "FailReunification" : "CancelReunification", r.CaseId, r.MemberId, r.RequestId,
            r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new EndReunification(failed, check.Text(r.Reason, "reason", failed ? "why it failed" : "why it is cancelled"), at));
}
