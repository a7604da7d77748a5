namespace CaseFlow.Reunification.Files;

/// <summary>
/// Several separated members per case, each with their own track. The file's own fields are the first track (so files and
/// events from before tracks read as they did); the others are kept in <see cref="OtherTracks"/>. A decision works on a
/// track's view: the file with that track in its own fields, the case's facts (center, consents, priority) unchanged.
/// </summary>
public sealed partial record ReunificationFile
{
    public IReadOnlyList<Track> OtherTracks { get; init; } = [];

    /// <summary>The member whose track this (view of the) file is; null before any separation was reported.</summary>
    public string? TrackId => Member?.MemberId;

    /// <summary>Every track as its view, the first one first; none before a separation was reported.</summary>
    public IReadOnlyList<ReunificationFile> EveryTrack() => Member is null ? [] : [this, .. OtherTracks.Select(ViewOf)];

    /// <summary>
    /// The routes a track waits on with no flight yet (stored with the file, so that a newly scheduled flight finds the
    /// files of every track waiting for it, not only of first tracks).
    /// </summary>
    public IReadOnlyList<string> WaitingOnRoutes => EveryTrack()
        .Where(t => t is { Stage: ReunificationStage.Waitlisted, Booking.FlightId: null })
        .Select(t => Route(t.Booking!.From, t.Booking.To)).Distinct().ToList();

    public static string Route(string from, string to) => $"{from}\u2192{to}";

    public bool HasTrack(string memberId) => Member?.MemberId == memberId || OtherTracks.Any(t => t.Member?.MemberId == memberId);

    /// <summary>The track a command or a read names; the only one when none is named.</summary>
    public ReunificationFile Track(string? memberId)
    {
        if (string.IsNullOrEmpty(memberId))
            return OtherTracks.Count == 0 ? this
                : throw new InvalidInput("memberId", $"case {Id} has {OtherTracks.Count + 1} separated members: name the member whose track it is");
        if (Member?.MemberId == memberId) return this;
        return OtherTracks.FirstOrDefault(t => t.Member?.MemberId == memberId) is { } track ? ViewOf(track)
            : throw new InvalidInput("memberId", $"case {Id} has no reunification track for member {memberId}");
    }

    private ReunificationFile ViewOf(Track t) => this with
    {
        Stage = t.Stage, Member = t.Member, Plan = t.Plan, PlanReason = t.PlanReason, AgencyDecisions = t.AgencyDecisions,
        TravelConsentGivenBy = t.TravelConsentGivenBy, DocumentsReady = t.DocumentsReady, Escort = t.Escort, Booking = t.Booking,
        SeatRequestedAt = t.SeatRequestedAt, HandedOverTo = t.HandedOverTo, ReunitedOn = t.ReunitedOn, DaysSeparated = t.DaysSeparated,
        EndReason = t.EndReason, StageHistory = t.StageHistory, CancelledWithCase = t.CancelledWithCase,
    };

    /// <summary>A track's fact changes that track only: the first one (also for facts from before tracks, with no member), or another.</summary>
    private ReunificationFile OnTrack(string? memberId, Func<ReunificationFile, ReunificationFile> change)
    {
        if (memberId is null || Member is null || Member.MemberId == memberId) return change(this);
        var index = OtherTracks.ToList().FindIndex(t => t.Member?.MemberId == memberId);
        if (index < 0) return this;
        var tracks = OtherTracks.ToList();
        tracks[index] = Files.Track.Of(change(ViewOf(tracks[index])));
        return this with { OtherTracks = tracks };
    }

    /// <summary>A case's fact that changes every track alike.</summary>
    private ReunificationFile OnEveryTrack(Func<ReunificationFile, ReunificationFile> change) =>
        change(this) with { OtherTracks = OtherTracks.Select(t => Files.Track.Of(change(ViewOf(t)))).ToList() };

    /// <summary>Another member's separation on a case with a track adds that member's track, assessing.</summary>
    private ReunificationFile WithAnotherTrack(ReunificationOpened e)
    {
        if (HasTrack(e.MemberId)) return this;
        var blank = ViewOf(new Track { Stage = ReunificationStage.NoSeparationReported });
        var opened = (blank with { Member = MemberOf(e) }).MovedTo(ReunificationStage.Assessing, e.OccurredAt);
        return this with { OtherTracks = [.. OtherTracks, Files.Track.Of(opened)] };
    }

    private static SeparatedMember MemberOf(ReunificationOpened e) =>
        new(e.MemberId, e.Relationship, e.IsMinor, e.AgeGroup, e.Country, e.SeparatedSince);
}
