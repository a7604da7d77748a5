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
        var history = StatusHistory.ToList();
        var closure = e.WithCase switch
        {
            false => -1,
            // Its closure is the last one at or before its time, in the order closures happened (one may be backdated).
            true => history.FindLastIndex(c => c.To == nameof(CaseStatus.Closed) && c.At <= e.OccurredAt),
            null => history.FindLastIndex(c => c.To == nameof(CaseStatus.Closed) && c.At == e.OccurredAt),
        };
        if (closure < 0 && e.WithCase != true) return this with { TrackEnds = TrackEnded(e.MemberId, TrackEnd.Cancelled) };
        var reopenedSince = history.Skip(closure + 1).Any(c => c.To == nameof(CaseStatus.Open));
        return reopenedSince ? this : this with { TrackEnds = TrackEnded(e.MemberId, TrackEnd.CancelledWithCase) };
    }

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
