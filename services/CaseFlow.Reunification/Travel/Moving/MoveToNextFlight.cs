using CaseFlow.Reunification.Flights.Seating;

namespace CaseFlow.Reunification.Travel.Moving;

/// <summary>What moving travellers off a flight decided: the next flight's seats and waitlist, and each file's story.</summary>
public sealed record Move(IReadOnlyList<object> NextFlightEvents, IReadOnlyList<(Guid CaseId, IReadOnlyList<object> Events)> FileEvents);

/// <summary>
/// A cancelled flight (or one that left its waitlist behind) hands its travellers to the next flight of the route:
/// a free seat, else that flight's waitlist; with no next flight they wait for any flight of the route.
/// </summary>
public static class MoveToNextFlight
{
    public static Move Decide(Flight from, IEnumerable<Traveller> travellers, Flight? next, string reason, DateTimeOffset at)
    {
        var nextEvents = new List<object>();
        var fileEvents = new List<(Guid, IReadOnlyList<object>)>();
        foreach (var traveller in travellers)
        {
            if (next is null)
            {
                fileEvents.Add((traveller.CaseId, traveller.ForEachTrack(Disrupted(from, traveller, reason, null, waitlisted: true, at))));
                continue;
            }
            // The party moves whole: its seats on the next flight, or one place on its waitlist.
            var offer = Seats.Offer(next, traveller, at);
            next = next.After(offer);
            nextEvents.Add(offer);
            fileEvents.Add((traveller.CaseId,
                [.. traveller.ForEachTrack(Disrupted(from, traveller, reason, next, offer is PassengerWaitlisted, at)), .. Seats.ForTheFile(next, offer)]));
        }
        return new Move(nextEvents, fileEvents);
    }

    /// <summary>Passengers first (by priority, then request time), then the waitlist in its order.</summary>
    public static IEnumerable<Traveller> EveryoneOn(Flight flight) => flight.Passengers
        .Select(p => p.Traveller)
        .OrderByDescending(t => Priorities.Rank(t.Priority)).ThenBy(t => t.RequestedAt)
        .Concat(flight.Waitlist);

    private static TravelDisrupted Disrupted(Flight from, Traveller traveller, string reason, Flight? next, bool waitlisted,
        DateTimeOffset at) =>
        new(traveller.CaseId, traveller.CenterId, from.Id, from.Number, from.From, from.To, reason, next?.Id, next?.Number, waitlisted, at);
}
