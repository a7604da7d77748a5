using CaseFlow.Reunification.Flights.Seating;

namespace CaseFlow.Reunification.Travel.ReleasingSeats;

/// <summary>A traveller gives up their seat or waitlist place; a freed seat goes to the head of the waitlist at once.</summary>
public static class LeaveFlight
{
    public static IReadOnlyList<object> Decide(Flight? flight, Guid caseId, string reason, DateTimeOffset at)
    {
        if (flight is not { Status: FlightStatus.Scheduled }) return [];
        object? leave = flight.Holds(caseId) ? new FlightSeatReleased(flight.Id, caseId, reason, at)
            : flight.Waits(caseId) ? new PassengerLeftWaitlist(flight.Id, caseId, reason, at)
            : null;
        if (leave is null) return [];
        return [leave, .. Seats.GiveFreedSeats(flight.After(leave), at)];
    }
}
