namespace CaseFlow.Contracts.Reunification.V1;

// Free text (Reason of a plan change, a failure or a cancellation; HandedOverTo) is personal data and is published
// empty since personal data has one home: read it through Reunification's API. TravelDisrupted.Reason is the flight's.
// MemberId names the separated member whose track the fact is (a case can have several); null from publishers older
// than tracks, whose facts belong to the case's only track.

/// <summary>A reunification file was opened for a separated family member.</summary>
public sealed record ReunificationOpened(
    Guid CaseId,
    string CenterId,
    string MemberId,
    string Relationship,
    string Country,
    string City,
    DateOnly SeparatedSince,
    DateTimeOffset OccurredAt);

/// <summary>The reunification plan was chosen or changed.</summary>
/// <param name="PreviousPlan">The plan before, or null when first chosen.</param>
/// <param name="Plan">child-travels-to-parent, parent-travels-to-child or other.</param>
public sealed record ReunificationPlanChanged(
    Guid CaseId,
    string CenterId,
    string? PreviousPlan,
    string Plan,
    string Reason,
    DateTimeOffset OccurredAt,
    string? MemberId = null);

/// <summary>A seat was allocated on a flight for the separated member.</summary>
public sealed record TravelArranged(
    Guid CaseId,
    string CenterId,
    Guid FlightId,
    string FlightNumber,
    string From,
    string To,
    DateOnly FlightDate,
    DateTimeOffset OccurredAt,
    string? MemberId = null);

/// <summary>Travel fell through (e.g. the flight was cancelled): rebooked on another flight or waitlisted.</summary>
public sealed record TravelDisrupted(
    Guid CaseId,
    string CenterId,
    Guid FlightId,
    string FlightNumber,
    string Reason,
    Guid? RebookedFlightId,
    string? RebookedFlightNumber,
    bool Waitlisted,
    DateTimeOffset OccurredAt,
    string? MemberId = null);

/// <summary>The separated member was handed over: the family is together again.</summary>
public sealed record ReunificationCompleted(
    Guid CaseId,
    string CenterId,
    string MemberId,
    string HandedOverTo,
    DateOnly SeparatedSince,
    int DaysSeparated,
    DateTimeOffset OccurredAt);

/// <summary>Reunification failed (e.g. entry refused for good). Before CaseFlow published <see cref="ReunificationCancelled"/>, a cancellation came as this too.</summary>
public sealed record ReunificationFailed(Guid CaseId, string CenterId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null);

/// <summary>Reunification was called off (the applicant withdrew, or the family no longer wants it): not a failure.</summary>
/// <param name="WithCase">True: called off because the case was closed, and resumed if the case is reopened. False: someone's
/// choice, which a reopening does not undo. Null: from a publisher older than this flag.</param>
public sealed record ReunificationCancelled(
    Guid CaseId, string CenterId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null, bool? WithCase = null);
