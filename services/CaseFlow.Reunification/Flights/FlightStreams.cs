using CaseFlow.ServiceDefaults.Errors;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CaseFlow.Reunification.Flights;

/// <summary>
/// Every write to a flight holds a row lock on its stream until commit, so seat allocations on one flight are decided
/// one after another, each seeing the seats the previous took: capacity is never exceeded, whatever the concurrency.
/// Locks are taken in route order (a flight, then a later one), so two writers never wait for each other in a circle.
/// </summary>
public static class FlightStreams
{
    public static async Task<IEventStream<Flight>> Lock(this IDocumentSession session, Guid flightId, long? expectedVersion,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Flight>(flightId, ct);
        if (stream.Aggregate is null) throw new NotFound($"flight {flightId} does not exist");
        if (expectedVersion is { } expected && stream.CurrentVersion != expected)
            throw new ConcurrencyException($"flight {flightId} is at version {stream.CurrentVersion}, not {expected}", null);
        return stream;
    }

    public static Flight Flight(this IEventStream<Flight> stream) => stream.Aggregate!;

    /// <summary>The open flights of a route from a day on, earliest first.</summary>
    public static async Task<IReadOnlyList<Flight>> OpenOnRoute(this IQuerySession session, string from, string to,
        DateOnly onOrAfter, CancellationToken ct)
    {
        var flights = await session.Query<Flight>()
            .Where(f => f.From == from && f.To == to && f.Status == FlightStatus.Scheduled)
            .ToListAsync(ct);
        return flights.Where(f => f.Date >= onOrAfter).OrderBy(f => f.Date).ThenBy(f => f.Number).ToList();
    }

    /// <summary>
    /// Where a flight's travellers go when it cannot take them: the first open flight after it in (date, number) order,
    /// an order that also keeps lock-taking free of cycles.
    /// </summary>
    public static async Task<IEventStream<Flight>?> LockNextOnRoute(this IDocumentSession session, Flight flight,
        CancellationToken ct)
    {
        var next = (await session.OpenOnRoute(flight.From, flight.To, flight.Date, ct))
            .FirstOrDefault(f => f.Date > flight.Date || string.CompareOrdinal(f.Number, flight.Number) > 0);
        if (next is null) return null;
        var locked = await session.Lock(next.Id, null, ct);
        if (locked.Flight().Status != FlightStatus.Scheduled)
            throw new ConcurrencyException($"flight {next.Number} changed meanwhile", null);
        return locked;
    }

    public static string Name(this FlightStatus status) => status.ToString().ToLowerInvariant();
}
