namespace CaseFlow.Reunification.Files;

public sealed partial record ReunificationFile
{
    public ReunificationFile Apply(SeatRequested e) => this with { SeatRequestedAt = e.OccurredAt };

    public ReunificationFile Apply(SeatAllocated e) => this with
    {
        Stage = ReunificationStage.TravelArranged,
        Booking = new Booking(e.FlightId, e.FlightNumber, e.FlightDate, e.From, e.To, Seated: true),
    };

    public ReunificationFile Apply(Waitlisted e) => this with
    {
        Stage = ReunificationStage.Waitlisted,
        Booking = new Booking(e.FlightId, e.FlightNumber, null, e.From, e.To, Seated: false),
    };

    public ReunificationFile Apply(SeatReleased e) =>
        this with { Stage = ReunificationStage.Planned, Booking = null, SeatRequestedAt = null };

    /// <summary>Until the rebooking that follows (if any), the traveller waits for any flight of the route.</summary>
    public ReunificationFile Apply(TravelDisrupted e) => this with
    {
        Stage = ReunificationStage.Waitlisted,
        Booking = new Booking(null, null, null, e.From, e.To, Seated: false),
    };

    public ReunificationFile Apply(Departed e) => this with { Stage = ReunificationStage.InTransit };

    public ReunificationFile Apply(Arrived e) => this with { Stage = ReunificationStage.Arrived };

    public ReunificationFile Apply(Reunited e) => this with
    {
        Stage = ReunificationStage.Reunited,
        HandedOverTo = e.HandedOverTo,
        ReunitedOn = e.ReunitedOn,
        DaysSeparated = e.DaysSeparated,
    };

    public ReunificationFile Apply(ReunificationFailed e) =>
        this with { Stage = ReunificationStage.Failed, EndReason = e.Reason, Booking = null };

    public ReunificationFile Apply(ReunificationCancelled e) =>
        this with { Stage = ReunificationStage.Cancelled, EndReason = e.Reason, Booking = null };
}
