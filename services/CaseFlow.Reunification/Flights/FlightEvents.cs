namespace CaseFlow.Reunification.Flights;

/// <summary>Who takes (or waits for) a seat, as the manifest and the waitlist show them.</summary>
/// <param name="Person">Who travels: the separated member ("member:&lt;id&gt;") or the applicant; their name is Intake's.</param>
/// <param name="RequestedAt">Business time of the seat request: with the priority, it orders the waitlist.</param>
/// <param name="Seats">Seats the party takes: the traveller, and their escort when one travels with them. Seated whole or
/// waiting whole; travellers recorded before escorts took seats read as 1.</param>
public sealed record Traveller(
    Guid CaseId, string CenterId, string Person, bool IsMinor, Sealed<string>? Escort, string Priority, DateTimeOffset RequestedAt,
    int Seats = 1);

public sealed record FlightScheduled(
    Guid FlightId, string Number, string From, string To, DateOnly Date, int Capacity, DateTimeOffset OccurredAt);

public sealed record FlightCapacityChanged(Guid FlightId, int Capacity, string Reason, DateTimeOffset OccurredAt);

public sealed record FlightSeatAllocated(Guid FlightId, Traveller Traveller, bool FromWaitlist, DateTimeOffset OccurredAt);

public sealed record PassengerWaitlisted(Guid FlightId, Traveller Traveller, DateTimeOffset OccurredAt);

public sealed record FlightSeatReleased(Guid FlightId, Guid CaseId, string Reason, DateTimeOffset OccurredAt);

public sealed record PassengerLeftWaitlist(Guid FlightId, Guid CaseId, string Reason, DateTimeOffset OccurredAt);

public sealed record WaitlistPriorityChanged(Guid FlightId, Guid CaseId, string Priority, DateTimeOffset OccurredAt);

/// <summary>Its passengers and waitlist were moved to the next flight of the route in the same transaction.</summary>
public sealed record FlightCancelled(Guid FlightId, string Reason, DateTimeOffset OccurredAt);

/// <summary>Its waitlist, left behind, was moved to the next flight of the route in the same transaction.</summary>
public sealed record FlightDeparted(Guid FlightId, DateTimeOffset OccurredAt);

/// <summary>One traveller as the manifest gave them to the carrier: named only under the consent (id, version) that covered it.</summary>
public sealed record ManifestLine(
    Guid CaseId, string CenterId, bool IsMinor, Guid? ConsentId, int? ConsentVersion, Sealed<string>? Name, Sealed<string>? Escort);

/// <summary>The manifest given to the carrier, as it was given: a later withdrawal of consent never changes it.</summary>
public sealed record ManifestIssued(Guid FlightId, IReadOnlyList<ManifestLine> Travellers, DateTimeOffset OccurredAt);

public sealed record FlightArrived(Guid FlightId, DateTimeOffset OccurredAt);
