using CaseFlow.Reunification.Flights.Seating;
using Google.Protobuf;

namespace CaseFlow.Reunification.Flights;

/// <summary>Which flight a command changes, at which version the client last saw it, under which request id.</summary>
public sealed record FlightCommand(string Operation, Guid FlightId, long? ExpectedVersion, string? RequestId)
{
    public const string What = "flight";

    public CommandCall Call => new($"reunification.{Operation}", RequestId, ExpectedVersion);

    public static FlightCommand Parse(string operation, string flightId, string? requestId, bool hasVersion, long expectedVersion,
        InputCheck check) =>
        new(operation, check.Id(flightId, "flightId"), StreamCommand.Version(hasVersion, expectedVersion, check), requestId);
}

/// <summary>
/// What a flight command decided: the flight's events, the next flight's (when travellers move on), and what each
/// touched traveller's file learns.
/// </summary>
public sealed record FlightDecision(
    IReadOnlyList<object> FlightEvents,
    IReadOnlyList<(Guid CaseId, IReadOnlyList<object> Events)> FileEvents,
    IReadOnlyList<object>? NextFlightEvents = null);

/// <summary>
/// Commands on a flight, through the shared write path: in turn on the flight, decided under its row lock (and the next
/// flight's, when travellers move on), so seat allocations never exceed the capacity; travellers' files change in the
/// same transaction.
/// </summary>
public sealed class FlightCommands(StreamCommands commands, TimeProvider clock)
{
    /// <param name="movesTravellersOn">Whether the decision hands travellers to the next flight of the route (which is then locked too).</param>
    public Task<FlightChanged> Run<TRequest, TCommand>(TRequest request, Caller caller,
        Func<TRequest, DateTimeOffset, (FlightCommand Target, TCommand Command)> parse,
        Func<Flight, Flight?, TCommand, FlightDecision> decide, CancellationToken ct, Func<Flight, bool>? movesTravellersOn = null)
        where TRequest : IMessage
    {
        var (target, command) = parse(request, clock.GetUtcNow());
        return commands.RunInTurn(target.Call, request, caller, _ => Task.FromResult<Guid?>(target.FlightId), async writer =>
        {
            var stream = await writer.Locked<Flight>(target.FlightId, target.ExpectedVersion, FlightCommand.What, ct);
            var flight = stream.Aggregate!;
            var next = movesTravellersOn?.Invoke(flight) == true ? await writer.LockNextAfter(flight, ct) : null;

            var decision = decide(flight, next?.Aggregate, command);
            stream.AppendMany(decision.FlightEvents);
            if (next is not null && decision.NextFlightEvents is { } nextEvents) next.AppendMany(nextEvents);
            foreach (var (caseId, events) in decision.FileEvents) writer.Append(caseId, events);
            writer.TellPromotedTravellers(flight, decision.FlightEvents);
            return new FlightChanged
            {
                FlightId = flight.Id.ToString(), Version = (int)(stream.CurrentVersion ?? 0),
                Status = flight.After(decision.FlightEvents).Status.Name(),
            };
        }, ct);
    }

    /// <summary>A decision on the flight alone (its travellers' files learn only of seats given from the waitlist).</summary>
    public Task<FlightChanged> Run<TRequest, TCommand>(TRequest request, Caller caller,
        Func<TRequest, DateTimeOffset, (FlightCommand Target, TCommand Command)> parse,
        Func<Flight, TCommand, IReadOnlyList<object>> decide, CancellationToken ct)
        where TRequest : IMessage =>
        Run(request, caller, parse, (flight, _, command) => new FlightDecision(decide(flight, command), []), ct);
}

public static class PromotedTravellers
{
    /// <summary>Travellers seated from the waitlist learn it on their own files, in the same transaction.</summary>
    public static void TellPromotedTravellers(this EventWriter writer, Flight flight, IEnumerable<object> flightEvents)
    {
        foreach (var seat in flightEvents.OfType<FlightSeatAllocated>().Where(s => s.FromWaitlist))
            writer.Append(seat.Traveller.CaseId, Seats.ForTheFile(flight, seat));
    }
}
