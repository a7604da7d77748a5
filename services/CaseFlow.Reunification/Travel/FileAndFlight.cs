using JasperFx;
using JasperFx.Events;
using Marten;

namespace CaseFlow.Reunification.Travel;

/// <summary>What a command decided for a file and for the flights its tracks are booked on (each flight fact names its flight).</summary>
public sealed record TravelDecision(IReadOnlyList<object> FileEvents, IReadOnlyList<object> FlightEvents);

/// <summary>
/// Changes a file together with the flights its tracks are booked on, in one transaction: the flights locked first (as
/// every seat change does, in date-then-number order), then the file; seats the change frees go to the head of each
/// flight's waitlist.
/// </summary>
public static class FileAndFlight
{
    /// <summary>The flight a track of the file is booked on, as last committed: whose turn it is, and which flight to lock.</summary>
    public static async Task<Guid?> BookedFlight(IQuerySession session, Guid caseId, string? memberId, CancellationToken ct) =>
        (await session.LoadAsync<ReunificationFile>(caseId, ct)) is { } file ? file.Track(memberId).Booking?.FlightId : null;

    /// <summary>A change of one track, decided on its view with the flight it is booked on.</summary>
    public static Task<(ReunificationFile File, long Version)> Change(EventWriter writer, Guid caseId, string? memberId, long? expectedVersion,
        Func<ReunificationFile, Flight?, TravelDecision> decide, CancellationToken ct) =>
        Change(writer, caseId, expectedVersion, (file, flights) =>
        {
            var track = file.Track(memberId);
            var decision = decide(track, flights.FirstOrDefault(f => f.Id == track.Booking?.FlightId));
            return decision with { FileEvents = decision.FileEvents.OnTrack(track) };
        }, ct);

    /// <summary>A change of the case's file as a whole (a closure, a correction), decided with every flight its tracks are booked on.</summary>
    public static async Task<(ReunificationFile File, long Version)> Change(EventWriter writer, Guid caseId, long? expectedVersion,
        Func<ReunificationFile, IReadOnlyList<Flight>, TravelDecision> decide, CancellationToken ct)
    {
        var booked = BookedFlights(await writer.Session.LoadAsync<ReunificationFile>(caseId, ct));
        var known = await writer.Session.LoadManyAsync<Flight>(ct, booked);
        var flights = new List<IEventStream<Flight>>();
        foreach (var flight in known.OrderBy(f => f.Date).ThenBy(f => f.Number, StringComparer.Ordinal))
            flights.Add(await writer.Locked<Flight>(flight.Id, null, FlightCommand.What, ct));
        var stream = await writer.Existing<ReunificationFile>(caseId, expectedVersion, FileCommand.What, ct);
        var file = stream.Aggregate!;
        if (!BookedFlights(file).SequenceEqual(booked))
            throw new ConcurrencyException($"a traveller of case {caseId} was moved to another flight meanwhile", null);

        var decision = decide(file, flights.Select(f => f.Aggregate!).ToList());
        stream.AppendMany(decision.FileEvents);
        foreach (var onFlight in decision.FlightEvents.GroupBy(e => ((IFlightFact)e).FlightId))
        {
            var flight = flights.Single(f => f.Id == onFlight.Key);
            flight.AppendMany(onFlight.ToList());
            writer.TellPromotedTravellers(flight.Aggregate!, onFlight);
        }
        return (file.After(decision.FileEvents), stream.CurrentVersion ?? 0);
    }

    private static IReadOnlyList<Guid> BookedFlights(ReunificationFile? file) => file is null ? []
        : file.EveryTrack().Select(t => t.Booking?.FlightId).OfType<Guid>().Distinct().Order().ToList();
}
