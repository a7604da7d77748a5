using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Flights.Seating;
using CaseFlow.ServiceDefaults.Security;
using JasperFx;
using Marten;

namespace CaseFlow.Reunification.Travel;

/// <summary>What a command decided for a file and for the flight it is booked on (if any).</summary>
public sealed record TravelDecision(IReadOnlyList<object> FileEvents, IReadOnlyList<object> FlightEvents);

/// <summary>
/// Changes a file together with its flight, in one transaction: the flight locked first (as every seat change does),
/// then the file at its current version; seats the change frees go to the head of the flight's waitlist.
/// </summary>
public static class FileAndFlight
{
    public static async Task<(ReunificationFile File, long Version)> Change(IDocumentSession session, Guid caseId,
        long? expectedVersion, Caller caller, Func<ReunificationFile, Flight?, TravelDecision> decide, CancellationToken ct)
    {
        var flightId = (await session.Peek(caseId, caller, ct)).Booking?.FlightId;
        var flight = flightId is { } id ? await session.Lock(id, null, ct) : null;
        var stream = await session.FetchFile(caseId, expectedVersion, caller, ct);
        if (stream.Aggregate!.Booking?.FlightId != flightId)
            throw new ConcurrencyException($"the traveller of case {caseId} was moved to another flight meanwhile", null);

        var decision = decide(stream.Aggregate, flight?.Flight());
        stream.AppendMany(decision.FileEvents);
        if (flight is not null)
        {
            flight.AppendMany(decision.FlightEvents);
            TellPromotedTravellers(session, flight.Flight(), decision.FlightEvents);
        }
        return (stream.Aggregate.After(decision.FileEvents), stream.CurrentVersion ?? 0);
    }

    /// <summary>Travellers seated from the waitlist learn it on their own files, in the same transaction.</summary>
    public static void TellPromotedTravellers(IDocumentSession session, Flight flight, IEnumerable<object> flightEvents)
    {
        foreach (var seat in flightEvents.OfType<FlightSeatAllocated>().Where(s => s.FromWaitlist))
            session.Events.Append(seat.Traveller.CaseId, Seats.ForTheFile(flight, seat));
    }
}
