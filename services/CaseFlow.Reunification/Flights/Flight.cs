using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Reporting;

namespace CaseFlow.Reunification.Flights;

public enum FlightStatus
{
    Scheduled,
    Cancelled,
    Departed,
    Arrived,
}

public static class FlightStatuses
{
    public static string Name(this FlightStatus status) => status.ToString().ToLowerInvariant();
}

public sealed record SeatHolder(Traveller Traveller, DateTimeOffset SeatedAt);

/// <summary>
/// One charter flight: its seats and its waitlist. Kept inline, so it is also the flight manifest and the waitlist
/// that the API reads. Every change is written under a row lock on the flight's stream (see FlightCommands).
/// </summary>
public sealed record Flight(Guid Id, string Number, string From, string To, DateOnly Date, int Capacity, FlightStatus Status)
{
    public long Version { get; set; }
    /// <summary>Where the flight sorts in ListFlights (by date, then id): stored, indexed, and the page token's content.</summary>
    public string ListPosition => CaseFlow.ServiceDefaults.Reporting.ListPages.Position(
        new DateTimeOffset(Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Id);
    public IReadOnlyList<SeatHolder> Passengers { get; init; } = [];
    /// <summary>In allocation order: priority first, then request time, then who joined first.</summary>
    public IReadOnlyList<Traveller> Waitlist { get; init; } = [];
    /// <summary>The last manifest given to the carrier; null until one is issued.</summary>
    public ManifestIssued? IssuedManifest { get; init; }

    /// <summary>Seats taken, escorts included (a traveller with an escort takes two).</summary>
    public int SeatsTaken => Passengers.Sum(p => Math.Max(1, p.Traveller.Seats));
    public int FreeSeats => Status == FlightStatus.Scheduled ? Math.Max(0, Capacity - SeatsTaken) : 0;
    /// <summary>Whether a party fits whole in the free seats: it never flies in part.</summary>
    public bool Fits(Traveller traveller) => FreeSeats >= Math.Max(1, traveller.Seats);
    /// <summary>Whether the case's party with the member's track (any party of the case, when none is named) holds seats.</summary>
    public bool Holds(Guid caseId, string? memberId = null) => Passengers.Any(p => p.Traveller.Is(caseId, memberId));
    public bool Waits(Guid caseId, string? memberId = null) => Waitlist.Any(t => t.Is(caseId, memberId));

    public static Flight Create(FlightScheduled e) =>
        new(e.FlightId, e.Number, e.From, e.To, e.Date, e.Capacity, FlightStatus.Scheduled) { ScheduledAt = e.OccurredAt };

    /// <summary>When the flight was scheduled (business time): the statistics as of an earlier time do not count it.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Capacity, seats filled, waitlisted and status ("150|12|3|scheduled") at each change: flight figures as of a time.</summary>
    public IReadOnlyList<FactChange> LoadHistory { get; init; } = [];

    private string Load => $"{Capacity}|{SeatsTaken}|{Waitlist.Count}|{Status.Name()}";

    private Flight Recorded(Flight before, DateTimeOffset at) => this with { LoadHistory = LoadHistory.Changed(before.Load, Load, at) };

    public Flight Apply(FlightCapacityChanged e) => (this with { Capacity = e.Capacity }).Recorded(this, e.OccurredAt);

    public Flight Apply(FlightSeatAllocated e) => (this with
    {
        Passengers = [.. Passengers, new SeatHolder(e.Traveller, e.OccurredAt)],
        Waitlist = Waitlist.Where(t => !t.SameParty(e.Traveller)).ToList(),
    }).Recorded(this, e.OccurredAt);

    public Flight Apply(PassengerWaitlisted e) => (this with { Waitlist = InAllocationOrder([.. Waitlist, e.Traveller]) }).Recorded(this, e.OccurredAt);

    public Flight Apply(FlightSeatReleased e) =>
        (this with { Passengers = Passengers.Where(p => !p.Traveller.Is(e.CaseId, e.MemberId)).ToList() }).Recorded(this, e.OccurredAt);

    public Flight Apply(PassengerLeftWaitlist e) =>
        (this with { Waitlist = Waitlist.Where(t => !t.Is(e.CaseId, e.MemberId)).ToList() }).Recorded(this, e.OccurredAt);

    public Flight Apply(WaitlistPriorityChanged e) => this with
    {
        Waitlist = InAllocationOrder(Waitlist.Select(t => t.CaseId == e.CaseId ? t with { Priority = e.Priority } : t)),
    };

    public Flight Apply(FlightCancelled e) => (this with { Status = FlightStatus.Cancelled, Passengers = [], Waitlist = [] }).Recorded(this, e.OccurredAt);

    public Flight Apply(FlightDeparted e) => (this with { Status = FlightStatus.Departed, Waitlist = [] }).Recorded(this, e.OccurredAt);

    public Flight Apply(ManifestIssued e) => this with { IssuedManifest = e, NamesCorrectedSinceIssue = [] };

    /// <summary>The cases whose traveller's name was corrected at Intake after the last manifest was issued.</summary>
    public IReadOnlyList<Guid> NamesCorrectedSinceIssue { get; init; } = [];

    public Flight Apply(Files.Correcting.ManifestNameCorrected e) =>
        NamesCorrectedSinceIssue.Contains(e.CaseId) ? this : this with { NamesCorrectedSinceIssue = [.. NamesCorrectedSinceIssue, e.CaseId] };

    public Flight Apply(FlightArrived e) => (this with { Status = FlightStatus.Arrived }).Recorded(this, e.OccurredAt);

    /// <summary>The state after one more event, for decisions that seat several travellers in a row.</summary>
    public Flight After(object e) => StateFolder.Evolve(this, e);

    /// <summary>The state after newly decided events.</summary>
    public Flight After(IEnumerable<object> events) => events.Aggregate(this, StateFolder.Evolve);

    // OrderBy is stable: equal priority and request time keep the order in which they joined.
    private static List<Traveller> InAllocationOrder(IEnumerable<Traveller> travellers) => travellers
        .OrderByDescending(t => Priorities.Rank(t.Priority)).ThenBy(t => t.RequestedAt).ToList();
}
