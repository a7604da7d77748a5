namespace CaseFlow.Reunification.Files;

public sealed partial record ReunificationFile
{
    public ReunificationFile Apply(SeatRequested e) => OnTrack(e.MemberId, f => f with { SeatRequestedAt = e.OccurredAt });

    public ReunificationFile Apply(SeatAllocated e) => OnTrack(e.MemberId, f => (f with
    {
        Booking = new Booking(e.FlightId, e.FlightNumber, e.FlightDate, e.From, e.To, Seated: true, e.Group),
    }).MovedTo(ReunificationStage.TravelArranged, e.OccurredAt));

    public ReunificationFile Apply(Waitlisted e) => OnTrack(e.MemberId, f => (f with
    {
        Booking = new Booking(e.FlightId, e.FlightNumber, null, e.From, e.To, Seated: false, e.Group),
    }).MovedTo(ReunificationStage.Waitlisted, e.OccurredAt));

    public ReunificationFile Apply(SeatReleased e) =>
        OnTrack(e.MemberId, f => (f with { Booking = null, SeatRequestedAt = null }).MovedTo(ReunificationStage.Planned, e.OccurredAt));

    /// <summary>Until the rebooking that follows (if any), the traveller waits for any flight of the route (with their group).</summary>
    public ReunificationFile Apply(TravelDisrupted e) => OnTrack(e.MemberId, f => (f with
    {
        Booking = new Booking(null, null, null, e.From, e.To, Seated: false, f.Booking?.Group),
    }).MovedTo(ReunificationStage.Waitlisted, e.OccurredAt));

    public ReunificationFile Apply(Departed e) => OnTrack(e.MemberId, f => f.MovedTo(ReunificationStage.InTransit, e.OccurredAt));

    public ReunificationFile Apply(Arrived e) => OnTrack(e.MemberId, f => f.MovedTo(ReunificationStage.Arrived, e.OccurredAt));

    public ReunificationFile Apply(Reunited e) => OnTrack(e.MemberId, f => (f with
    {
        HandedOverTo = e.HandedOverTo,
        ReunitedOn = e.ReunitedOn,
        DaysSeparated = e.DaysSeparated,
    }).MovedTo(ReunificationStage.Reunited, e.OccurredAt));

    public ReunificationFile Apply(ReunificationFailed e) =>
        OnTrack(e.MemberId, f => (f with { EndReason = e.Reason, Booking = null }).MovedTo(ReunificationStage.Failed, e.OccurredAt));

    public ReunificationFile Apply(ReunificationCancelled e) => OnTrack(e.MemberId, f => (f with
    {
        EndReason = e.Reason, Booking = null, CancelledWithCase = e.WithCase ?? f.CancelledWithCase,
    }).MovedTo(ReunificationStage.Cancelled, e.OccurredAt));
}
