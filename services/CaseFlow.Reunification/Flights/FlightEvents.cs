namespace CaseFlow.Reunification.Flights;

/// <summary>Who takes (or waits for) a seat, as the manifest and the waitlist show them.</summary>
/// <param name="Person">Who travels: the separated member ("member:&lt;id&gt;") or the applicant; their name is Intake's.</param>
/// <param name="RequestedAt">Business time of the seat request: with the priority, it orders the waitlist.</param>
/// <param name="Seats">Seats the party takes: the traveller, and their escort when one travels with them. Seated whole or
/// waiting whole; travellers recorded before escorts took seats read as 1.</param>
/// <param name="Members">The tracks of the case this party is (several for siblings booked together); null on travellers
/// recorded before tracks: the case's first track.</param>
public sealed record Traveller(
    Guid CaseId, string CenterId, string Person, bool IsMinor, Sealed<string>? Escort, string Priority, DateTimeOffset RequestedAt,
    int Seats = 1, IReadOnlyList<string>? Members = null);

/// <summary>A flight's fact: the flight it belongs to, so a decision touching several flights appends each to its own.</summary>
public interface IFlightFact
{
    Guid FlightId { get; }
}

public sealed record FlightScheduled(
    Guid FlightId, string Number, string From, string To, DateOnly Date, int Capacity, DateTimeOffset OccurredAt);

public sealed record FlightCapacityChanged(Guid FlightId, int Capacity, string Reason, DateTimeOffset OccurredAt);

public sealed record FlightSeatAllocated(Guid FlightId, Traveller Traveller, bool FromWaitlist, DateTimeOffset OccurredAt) : IFlightFact;

public sealed record PassengerWaitlisted(Guid FlightId, Traveller Traveller, DateTimeOffset OccurredAt) : IFlightFact;

/// <param name="MemberId">A track of the party giving up its seats (the whole party leaves); null before tracks: the case's party.</param>
public sealed record FlightSeatReleased(Guid FlightId, Guid CaseId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null) : IFlightFact;

public sealed record PassengerLeftWaitlist(Guid FlightId, Guid CaseId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null) : IFlightFact;

public sealed record WaitlistPriorityChanged(Guid FlightId, Guid CaseId, string Priority, DateTimeOffset OccurredAt) : IFlightFact;

/// <summary>Its passengers and waitlist were moved to the next flight of the route in the same transaction.</summary>
public sealed record FlightCancelled(Guid FlightId, string Reason, DateTimeOffset OccurredAt);

/// <summary>Its waitlist, left behind, was moved to the next flight of the route in the same transaction.</summary>
public sealed record FlightDeparted(Guid FlightId, DateTimeOffset OccurredAt);

/// <summary>One traveller as the manifest gave them to the carrier: named only under the consent (id, version) that covered it.</summary>
/// <param name="Members">The party's tracks (a line per party, as the passengers are); null before tracks.</param>
/// <param name="OtherNames">The names of the party's other travellers (siblings), each sealed under its own person.</param>
public sealed record ManifestLine(
    Guid CaseId, string CenterId, bool IsMinor, Guid? ConsentId, int? ConsentVersion, Sealed<string>? Name, Sealed<string>? Escort,
    IReadOnlyList<string>? Members = null, IReadOnlyList<Sealed<string>>? OtherNames = null);

/// <summary>The manifest given to the carrier, as it was given: a later withdrawal of consent never changes it.</summary>
public sealed record ManifestIssued(Guid FlightId, IReadOnlyList<ManifestLine> Travellers, DateTimeOffset OccurredAt);

public sealed record FlightArrived(Guid FlightId, DateTimeOffset OccurredAt);

/// <summary>How a flight tells its parties apart: a case may have several parties (tracks booked apart) on one flight.</summary>
public readonly record struct PartyKey(Guid CaseId, string Lead);

public static class Parties
{
    public static PartyKey Party(this Traveller traveller) => new(traveller.CaseId, traveller.Members?.FirstOrDefault() ?? "");

    public static PartyKey Party(this ManifestLine line) => new(line.CaseId, line.Members?.FirstOrDefault() ?? "");

    /// <summary>The party of the case that has the member's track (any party of the case when no member is named, or before tracks).</summary>
    public static bool Is(this Traveller traveller, Guid caseId, string? memberId) =>
        traveller.CaseId == caseId && (memberId is null || traveller.Members is null || traveller.Members.Contains(memberId));

    public static bool SameParty(this Traveller traveller, Traveller other) =>
        traveller.CaseId == other.CaseId
        && (traveller.Members is null || other.Members is null || traveller.Members.Intersect(other.Members).Any());

    /// <summary>Who travels in the party, each a person of the case ("member:&lt;id&gt;" or the applicant).</summary>
    public static IReadOnlyList<string> Persons(this Traveller traveller) => traveller.Members is { Count: > 1 } members
        ? members.Select(m => CaseFlow.ServiceDefaults.Privacy.Subjects.MemberPrefix + m).ToList()
        : [traveller.Person];

    /// <summary>A fact of the party's file, once for each of its tracks (once for a traveller from before tracks).</summary>
    public static IReadOnlyList<object> ForEachTrack(this Traveller traveller, Files.ITrackFact fact) =>
        traveller.Members is { Count: > 0 } members ? members.Select(fact.On).ToList() : [fact];
}
