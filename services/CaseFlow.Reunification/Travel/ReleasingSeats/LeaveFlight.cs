using CaseFlow.Reunification.Flights.Seating;

namespace CaseFlow.Reunification.Travel.ReleasingSeats;

/// <summary>
/// A party gives up its seats or waitlist place (a track of a group leaves with its whole group); freed seats go down the
/// waitlist at once.
/// </summary>
public static class LeaveFlight
{
    public static IReadOnlyList<object> Decide(Flight? flight, Guid caseId, string reason, DateTimeOffset at) =>
        Decide(flight, caseId, null, reason, at);

    public static IReadOnlyList<object> Decide(Flight? flight, Guid caseId, string? memberId, string reason, DateTimeOffset at)
    {
        if (flight is not { Status: FlightStatus.Scheduled }) return [];
        object? leave = flight.Holds(caseId, memberId) ? new FlightSeatReleased(flight.Id, caseId, reason, at, memberId)
            : flight.Waits(caseId, memberId) ? new PassengerLeftWaitlist(flight.Id, caseId, reason, at, memberId)
            : null;
        if (leave is null) return [];
        return [leave, .. Seats.GiveFreedSeats(flight.After(leave), at)];
    }

    /// <summary>The tracks that leave with this one: its whole group (itself when it travels alone).</summary>
    public static IReadOnlyList<string?> TracksLeaving(ReunificationFile track) =>
        track.Booking?.Group is { Count: > 0 } group ? [.. group] : [track.TrackId];

    /// <summary>A fact of the track, and the same fact for each other track of its group.</summary>
    public static IReadOnlyList<object> ForTheGroup(ReunificationFile track, ITrackFact fact) =>
        TracksLeaving(track).Select(m => m is null ? fact : fact.On(m)).ToList();
}
