using JasperFx;
using Marten;

namespace CaseFlow.Reunification.Travel;

/// <summary>What a command decided for a file and for the flight it is booked on (if any).</summary>
public sealed record TravelDecision(IReadOnlyList<object> FileEvents, IReadOnlyList<object> FlightEvents);

/// <summary>
/// Changes a file together with the flight it is booked on, in one transaction: the flight locked first (as every seat
/// change does), then the file; seats the change frees go to the head of the flight's waitlist.
/// </summary>
public static class FileAndFlight
{
    /// <summary>The flight the file is booked on, as last committed: whose turn it is, and which flight to lock.</summary>
    public static async Task<Guid?> BookedFlight(IQuerySession session, Guid caseId, CancellationToken ct) =>
        (await session.LoadAsync<ReunificationFile>(caseId, ct))?.Booking?.FlightId;

    public static async Task<(ReunificationFile File, long Version)> Change(EventWriter writer, Guid caseId, long? expectedVersion,
        Func<ReunificationFile, Flight?, TravelDecision> decide, CancellationToken ct)
    {
        var booked = await BookedFlight(writer.Session, caseId, ct);
        var flight = booked is { } id ? await writer.Locked<Flight>(id, null, FlightCommand.What, ct) : null;
        var stream = await writer.Existing<ReunificationFile>(caseId, expectedVersion, FileCommand.What, ct);
        var file = stream.Aggregate!;
        if (file.Booking?.FlightId != booked)
            throw new ConcurrencyException($"the traveller of case {caseId} was moved to another flight meanwhile", null);

        var decision = decide(file, flight?.Aggregate);
        stream.AppendMany(decision.FileEvents);
        if (flight is not null)
        {
            flight.AppendMany(decision.FlightEvents);
            writer.TellPromotedTravellers(flight.Aggregate!, decision.FlightEvents);
        }
        return (file.After(decision.FileEvents), stream.CurrentVersion ?? 0);
    }

}
