using JasperFx;
using JasperFx.Events;
using Marten;

namespace CaseFlow.Reunification.Flights;

/// <summary>
/// The flights of a route in (date, number) order: the order in which travellers move on when a flight cannot take them,
/// and the order in which flights are locked, so two writers never wait for each other in a circle.
/// </summary>
public static class FlightsOnRoute
{
    /// <summary>The open flights of a route from a day on, earliest first.</summary>
    public static async Task<IReadOnlyList<Flight>> OpenOnRoute(this IQuerySession session, string from, string to,
        DateOnly onOrAfter, CancellationToken ct)
    {
        // Filtered by the (from, to, status) index: only the route's open flights from that day are read.
        var flights = await session.Query<Flight>()
            .Where(f => f.From == from && f.To == to && f.Status == FlightStatus.Scheduled && f.Date >= onOrAfter)
            .ToListAsync(ct);
        return flights.OrderBy(f => f.Date).ThenBy(f => f.Number).ToList();
    }

    /// <summary>Where a flight's travellers go when it cannot take them: the first open flight after it, locked.</summary>
    public static async Task<IEventStream<Flight>?> LockNextAfter(this EventWriter writer, Flight flight, CancellationToken ct)
    {
        var next = (await writer.Session.OpenOnRoute(flight.From, flight.To, flight.Date, ct))
            .FirstOrDefault(f => f.Date > flight.Date || string.CompareOrdinal(f.Number, flight.Number) > 0);
        if (next is null) return null;
        var locked = await writer.Locked<Flight>(next.Id, null, FlightCommand.What, ct);
        if (locked.Aggregate!.Status != FlightStatus.Scheduled)
            throw new ConcurrencyException($"flight {next.Number} changed meanwhile", null);
        return locked;
    }
}
