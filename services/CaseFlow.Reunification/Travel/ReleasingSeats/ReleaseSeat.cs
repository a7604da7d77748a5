namespace CaseFlow.Reunification.Travel.ReleasingSeats;

public sealed record ReleaseSeat(string Reason, DateTimeOffset OccurredAt)
{
    public static (FileCommand, ReleaseSeat) Parse(ReleaseSeatRequest r, DateTimeOffset now) =>
        FileCommand.Parse("ReleaseSeat", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new ReleaseSeat(check.Text(r.Reason, "reason", "why the seat is released"), at));

    /// <summary>
    /// A held seat or waitlist place is given up, by the track's whole group (siblings never part); freed seats go to the
    /// head of the waitlist.
    /// </summary>
    public static TravelDecision Decide(ReunificationFile file, Flight? flight, ReleaseSeat command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage is not (ReunificationStage.Waitlisted or ReunificationStage.TravelArranged))
            throw new RuleViolated($"the traveller of case {file.Id} holds no seat nor waitlist place ({file.Stage.Name()})");
        return new TravelDecision(
            LeaveFlight.ForTheGroup(file, new SeatReleased(file.Id, file.Booking?.FlightId, command.Reason, command.OccurredAt)),
            LeaveFlight.Decide(flight, file.Id, file.TrackId, command.Reason, command.OccurredAt));
    }
}
