namespace CaseFlow.Reunification.Files;

// The facts of a reunification file, in the order a file usually meets them. Each slice decides them;
// ReunificationFile folds them. Facts that are published carry the file's center, as their integration events do.
// Facts of one separated member's track carry its member id (ITrackFact); those recorded before a file had several
// tracks carry none and belong to the first track.
// Personal values are Sealed: stored encrypted under the person's key, "[erased]" once it is gone.

/// <summary>Only non-personal facts: the member's name and whereabouts are Intake's, asked for when shown.</summary>
public sealed record ReunificationOpened(
    Guid CaseId, string CenterId, string MemberId, string Relationship, bool IsMinor, string AgeGroup, string Country,
    DateOnly SeparatedSince, DateTimeOffset OccurredAt);

/// <summary>A version of a consent to share the case's personal data, as Intake recorded it.</summary>
public sealed record SharingConsentNoted(Guid CaseId, CaseFlow.ServiceDefaults.Privacy.Consent.SharingConsent Consent, DateTimeOffset OccurredAt);

public sealed record FileTransferred(Guid CaseId, string FromCenterId, string ToCenterId, DateTimeOffset OccurredAt);

public sealed record PlanChosen(Guid CaseId, string CenterId, string Plan, Sealed<string> Reason, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record PlanChanged(Guid CaseId, string CenterId, string PreviousPlan, string Plan, Sealed<string> Reason, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record AgencyDecisionRecorded(
    Guid CaseId, Guid? LetterId, string Agency, string Decision, Sealed<string> Summary, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record PriorityEscalated(Guid CaseId, string Priority, string Kind, Sealed<string> Note, DateTimeOffset OccurredAt);

public sealed record PriorityLowered(Guid CaseId, string Priority, string Kind, DateTimeOffset OccurredAt);

/// <summary>The guardian's consent to the child's TRAVEL (not Intake's consent to share personal data with agencies).</summary>
public sealed record TravelConsentRecorded(Guid CaseId, Sealed<string> GivenBy, Sealed<string>? Note, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record DocumentReady(Guid CaseId, string Kind, Sealed<string>? Note, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record EscortAssigned(Guid CaseId, Sealed<string> EscortName, Sealed<string>? Note, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

/// <param name="FlightId">The flight asked for, or null when the next flight of the route was asked for.</param>
public sealed record SeatRequested(Guid CaseId, Guid? FlightId, string From, string To, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record SeatAllocated(
    Guid CaseId, string CenterId, Guid FlightId, string FlightNumber, string From, string To, DateOnly FlightDate, DateTimeOffset OccurredAt, string? MemberId = null, IReadOnlyList<string>? Group = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

/// <param name="FlightId">The full flight waited for; null when no flight of the route is scheduled yet.</param>
public sealed record Waitlisted(Guid CaseId, Guid? FlightId, string? FlightNumber, string From, string To, DateTimeOffset OccurredAt, string? MemberId = null, IReadOnlyList<string>? Group = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record SeatReleased(Guid CaseId, Guid? FlightId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

/// <summary>The flight fell through; followed by the new seat or waitlist place when the route has another flight.</summary>
public sealed record TravelDisrupted(
    Guid CaseId, string CenterId, Guid FlightId, string FlightNumber, string From, string To, string Reason,
    Guid? RebookedFlightId, string? RebookedFlightNumber, bool Waitlisted, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record Departed(Guid CaseId, Guid? FlightId, Sealed<string>? Note, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record Arrived(Guid CaseId, Guid? FlightId, Sealed<string>? Note, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record Reunited(
    Guid CaseId, string CenterId, string MemberId, Sealed<string> HandedOverTo, DateOnly SeparatedSince, DateOnly ReunitedOn,
    int DaysSeparated, DateTimeOffset OccurredAt);

public sealed record ReunificationFailed(Guid CaseId, string CenterId, Sealed<string> Reason, DateTimeOffset OccurredAt, string? MemberId = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

/// <param name="WithCase">True when the case's closure called it off (its reopening resumes it), false when an operator did;
/// null on cancellations recorded before the flag: the closure's marks its tracks (CaseClosureFollowed).</param>
public sealed record ReunificationCancelled(
    Guid CaseId, string CenterId, Sealed<string> Reason, DateTimeOffset OccurredAt, string? MemberId = null, bool? WithCase = null) : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}
