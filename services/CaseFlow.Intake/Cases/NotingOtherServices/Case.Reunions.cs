using System.Text.Json.Serialization;

namespace CaseFlow.Intake.Cases;

/// <summary>
/// How each separated member's reunification stands, as Reunification reported it, keyed by member id so that siblings
/// are told apart: what closing a case as reunified is decided on.
/// </summary>
public sealed partial record Case
{
    public bool ReunionReported { get; init; }
    /// <summary>Per separated member, how Reunification reported its track ended (<see cref="TrackEnd"/>).</summary>
    public IReadOnlyDictionary<string, string> TrackEnds { get; init; } = new Dictionary<string, string>();

    public Case Apply(ReunionReported e) => this with { ReunionReported = true, TrackEnds = TrackEnded(e.MemberId, TrackEnd.Reunited) };
    public Case Apply(ReunificationFailureNoted e) => this with { TrackEnds = TrackEnded(e.MemberId, TrackEnd.Failed) };

    // Reunification calls off a case's open tracks at the business time of the closure it follows (FollowCase), and
    // resumes them when it follows the reopening. WithCase says which cancellations are a closure's; before the flag, one
    // at the very time of a closure was. A closure's ends the track until the reopening, whichever of the two arrives
    // first: after it, the track is already resumed. Any other cancellation is someone's choice and stays.
    public Case Apply(ReunificationCancellationNoted e)
    {
        var closure = e.WithCase == false ? -1 : ClosureOf(e);
        if (closure < 0 && e.WithCase != true) return this with { TrackEnds = TrackEnded(e.MemberId, TrackEnd.Cancelled) };
        var reopenedSince = StatusHistory.Skip(closure + 1).Any(c => c.To == nameof(CaseStatus.Open));
        return reopenedSince ? this : this with { TrackEnds = TrackEnded(e.MemberId, TrackEnd.CancelledWithCase) };
    }

    // The latest closure by business time at (or, with the flag, before) the cancellation's, as a closure can be backdated
    // before an earlier one; the last of equals. -1: none.
    private int ClosureOf(ReunificationCancellationNoted e) => StatusHistory.Index()
        .Where(c => c.Item.To == nameof(CaseStatus.Closed) && (e.WithCase == true ? c.Item.At <= e.OccurredAt : c.Item.At == e.OccurredAt))
        .OrderBy(c => c.Item.At).Select(c => c.Index).DefaultIfEmpty(-1).Last();

    private IReadOnlyDictionary<string, string> TrackEndsAfterReopening =>
        TrackEnds.Where(end => end.Value != TrackEnd.CancelledWithCase).ToDictionary();

    /// <summary>Every separated member and how their reunification ended; null while it goes on (or is not reported yet).</summary>
    [JsonIgnore]
    public IReadOnlyList<(string MemberId, string? End)> Reunifications =>
        [.. Family.Where(m => m.Separated).Select(m => (m.MemberId, TrackEnds.GetValueOrDefault(m.MemberId)))];

    /// <summary>The separated members whose reunification has not ended (as far as Reunification has reported).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> StillSeparated => [.. Reunifications.Where(r => r.End is null).Select(r => r.MemberId)];

    // A fact with no member comes from before a case had several tracks: it is the first separated member's.
    private IReadOnlyDictionary<string, string> TrackEnded(string? memberId, string end) =>
        (memberId ?? Family.FirstOrDefault(m => m.Separated)?.MemberId) is { } member
            ? new Dictionary<string, string>(TrackEnds) { [member] = end }
            : TrackEnds;
}
