using CaseFlow.ServiceDefaults.Reporting;

namespace CaseFlow.Reunification.Files;

/// <summary>A fact of one separated member's track: decided on the track's view, then stamped with its member id.</summary>
public interface ITrackFact
{
    /// <summary>Null on facts recorded before a file had several tracks: they belong to the first track.</summary>
    string? MemberId { get; }

    object On(string memberId);
}

/// <summary>
/// One separated member's reunification, besides the file's first one (which the file's own fields hold, as they did when
/// a file had one track). The same names as the file's fields, so the reporting views read both alike.
/// </summary>
public sealed record Track
{
    public ReunificationStage Stage { get; init; }
    public SeparatedMember? Member { get; init; }
    public string? Plan { get; init; }
    public Sealed<string>? PlanReason { get; init; }
    public IReadOnlyList<RecordedDecision> AgencyDecisions { get; init; } = [];
    public Sealed<string>? TravelConsentGivenBy { get; init; }
    public IReadOnlyList<string> DocumentsReady { get; init; } = [];
    public Sealed<string>? Escort { get; init; }
    public Booking? Booking { get; init; }
    public DateTimeOffset? SeatRequestedAt { get; init; }
    public Sealed<string>? HandedOverTo { get; init; }
    public DateOnly? ReunitedOn { get; init; }
    public int? DaysSeparated { get; init; }
    public Sealed<string>? EndReason { get; init; }
    public IReadOnlyList<FactChange> StageHistory { get; init; } = [];
    public bool CancelledWithCase { get; init; }

    public static Track Of(ReunificationFile view) => new()
    {
        Stage = view.Stage, Member = view.Member, Plan = view.Plan, PlanReason = view.PlanReason, AgencyDecisions = view.AgencyDecisions,
        TravelConsentGivenBy = view.TravelConsentGivenBy, DocumentsReady = view.DocumentsReady, Escort = view.Escort, Booking = view.Booking,
        SeatRequestedAt = view.SeatRequestedAt, HandedOverTo = view.HandedOverTo, ReunitedOn = view.ReunitedOn,
        DaysSeparated = view.DaysSeparated, EndReason = view.EndReason, StageHistory = view.StageHistory,
        CancelledWithCase = view.CancelledWithCase,
    };
}

public static class TrackFacts
{
    /// <summary>Facts decided on a track's view, stamped with its member (a file with no separation yet has none to stamp).</summary>
    public static IReadOnlyList<object> OnTrack(this IEnumerable<object> facts, ReunificationFile track) =>
        track.TrackId is { } memberId
            ? facts.Select(f => f is ITrackFact { MemberId: null } fact ? fact.On(memberId) : f).ToList()
            : facts.ToList();
}
