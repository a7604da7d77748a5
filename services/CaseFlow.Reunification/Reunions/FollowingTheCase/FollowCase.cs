using CaseFlow.Reunification.Reunions.Ending;
using CaseFlow.Reunification.Travel;

namespace CaseFlow.Reunification.Reunions.FollowingTheCase;

/// <summary>What a case's closure does to its open reunification.</summary>
public enum ClosureRule
{
    /// <summary>Nothing: the reunification goes on, or is over already.</summary>
    Keep,
    /// <summary>Called off: a seat or waitlist place goes to the next in line; the case's reopening resumes it.</summary>
    Cancel,
}

/// <summary>Intake closed the case with an outcome, at a version of its stream; the file has seen this.</summary>
/// <param name="Cancelled">Whether the closure called off an open reunification (so that a reopening resumes it).</param>
/// <param name="CancelledTracks">The tracks it called off; null on closures followed before tracks: the first track's.</param>
public sealed record CaseClosureFollowed(Guid CaseId, string Outcome, ClosureRule Rule, bool Cancelled, long? CaseVersion, DateTimeOffset OccurredAt,
    IReadOnlyList<string>? CancelledTracks = null);

/// <summary>Intake reopened the case, at a version of its stream.</summary>
public sealed record CaseReopeningFollowed(Guid CaseId, long? CaseVersion, DateTimeOffset OccurredAt);

/// <summary>A reunification the case's closure called off goes on where it was planned (its seat is asked for again).</summary>
public sealed record ReunificationResumed(Guid CaseId, string CenterId, ReunificationStage Stage, DateTimeOffset OccurredAt, string? MemberId = null)
    : ITrackFact
{
    public object On(string memberId) => this with { MemberId = memberId };
}

public sealed record CaseClosing(string Outcome, long? CaseVersion, DateTimeOffset OccurredAt);

public sealed record CaseReopening(long? CaseVersion, DateTimeOffset OccurredAt);

/// <summary>
/// Reunification follows the case's status: a rule per closure outcome, and the reopening undoing what a closure called
/// off. Both apply by Intake's case version: a closure or reopening at or below the version the file has followed is
/// older (delivered late) or a repeat and changes nothing.
/// </summary>
public static class FollowCase
{
    /// <summary>The rule of each outcome of Intake's CaseClosed, with the reason the file records.</summary>
    public static (ClosureRule Rule, string Reason) RuleFor(string outcome) => outcome switch
    {
        // Intake closes as reunified only after the reunion was reported: the file is over already.
        "reunified" => (ClosureRule.Keep, "the case was closed as reunified"),
        "withdrawn" => (ClosureRule.Cancel, "the case was withdrawn"),
        "unreachable" => (ClosureRule.Cancel, "the case was closed: the applicant could not be reached"),
        "returned-abroad" => (ClosureRule.Cancel, "the case was closed: the applicant returned abroad to the family"),
        "resolved-by-advice" => (ClosureRule.Cancel, "the case was closed: resolved by advice"),
        "referred-out" => (ClosureRule.Cancel, "the case was closed: referred to another organisation"),
        // An outcome a newer Intake knows and this service does not: nothing is undone on a guess.
        _ => (ClosureRule.Keep, $"the case was closed ({outcome})"),
    };

    /// <param name="flights">The flights the file's tracks are booked on.</param>
    public static TravelDecision Decide(ReunificationFile file, IReadOnlyList<Flight> flights, CaseClosing closing)
    {
        if (IsOld(file, closing.CaseVersion)) return new([], []);
        var (rule, reason) = RuleFor(closing.Outcome);
        var open = rule == ClosureRule.Cancel ? file.EveryTrack().Where(t => !t.Stage.IsOver()).Select(t => t.TrackId!).ToList() : [];
        var followed = new CaseClosureFollowed(file.Id, closing.Outcome, rule, open.Count > 0, closing.CaseVersion, closing.OccurredAt, open);
        if (open.Count == 0) return new([followed], []);

        // Track after track, each seeing what the previous ones freed (a group leaves its flight once, with its first track).
        var (state, onFlights) = (file.After([followed]), flights.ToDictionary(f => f.Id));
        var (fileEvents, flightEvents) = (new List<object> { followed }, new List<object>());
        foreach (var memberId in open)
        {
            var track = state.Track(memberId);
            var flight = track.Booking?.FlightId is { } id ? onFlights.GetValueOrDefault(id) : null;
            var ended = EndReunification.Decide(track, flight, new EndReunification(false, reason, closing.OccurredAt, WithCase: true));
            var stamped = ended.FileEvents.OnTrack(track);
            state = state.After(stamped);
            if (flight is not null) onFlights[flight.Id] = flight.After(ended.FlightEvents);
            fileEvents.AddRange(stamped);
            flightEvents.AddRange(ended.FlightEvents);
        }
        return new(fileEvents, flightEvents);
    }

    public static IReadOnlyList<object> Decide(ReunificationFile file, CaseReopening reopening)
    {
        if (IsOld(file, reopening.CaseVersion)) return [];
        var followed = new CaseReopeningFollowed(file.Id, reopening.CaseVersion, reopening.OccurredAt);
        var resumed = file.EveryTrack().Where(t => t.CancelledWithCase && t.Stage == ReunificationStage.Cancelled)
            .Select(t => new ReunificationResumed(file.Id, file.CenterId, t.Plan is null ? ReunificationStage.Assessing : ReunificationStage.Planned,
                reopening.OccurredAt, t.TrackId));
        return [followed, .. resumed];
    }

    private static bool IsOld(ReunificationFile file, long? version) => version is { } v && v <= file.CaseStatusVersion;
}
