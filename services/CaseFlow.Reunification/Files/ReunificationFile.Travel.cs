namespace CaseFlow.Reunification.Files;

public sealed partial record ReunificationFile
{
    public ReunificationFile Apply(SeatRequested e) => this with { SeatRequestedAt = e.OccurredAt };

    public ReunificationFile Apply(SeatAllocated e) => (this with
    {
        Booking = new Booking(e.FlightId, e.FlightNumber, e.FlightDate, e.From, e.To, Seated: true),
    }).MovedTo(ReunificationStage.TravelArranged, e.OccurredAt);

    public ReunificationFile Apply(Waitlisted e) => (this with
    {
        Booking = new Booking(e.FlightId, e.FlightNumber, null, e.From, e.To, Seated: false),
    }).MovedTo(ReunificationStage.Waitlisted, e.OccurredAt);

    public ReunificationFile Apply(SeatReleased e) =>
        (this with { Booking = null, SeatRequestedAt = null }).MovedTo(ReunificationStage.Planned, e.OccurredAt);

    /// <summary>Until the rebooking that follows (if any), the traveller waits for any flight of the route.</summary>
    public ReunificationFile Apply(TravelDisrupted e) => (this with
    {
        Booking = new Booking(null, null, null, e.From, e.To, Seated: false),
    }).MovedTo(ReunificationStage.Waitlisted, e.OccurredAt);

    public ReunificationFile Apply(Departed e) => MovedTo(ReunificationStage.InTransit, e.OccurredAt);

    public ReunificationFile Apply(Arrived e) => MovedTo(ReunificationStage.Arrived, e.OccurredAt);

    public ReunificationFile Apply(Reunited e) => (this with
    {
        HandedOverTo = e.HandedOverTo,
        ReunitedOn = e.ReunitedOn,
        DaysSeparated = e.DaysSeparated,
    }).MovedTo(ReunificationStage.Reunited, e.OccurredAt);

    public ReunificationFile Apply(ReunificationFailed e) =>
        (this with { EndReason = e.Reason, Booking = null }).MovedTo(ReunificationStage.Failed, e.OccurredAt);

    public ReunificationFile Apply(ReunificationCancelled e) =>
        (this with { EndReason = e.Reason, Booking = null }).MovedTo(ReunificationStage.Cancelled, e.OccurredAt);
}
