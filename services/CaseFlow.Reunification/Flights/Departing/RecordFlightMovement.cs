using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Travel.Moving;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Flights.Departing;

public static class FlightMovementRules
{
    public static (FlightCommand, DateTimeOffset) Parse(string operation, FlightMovementRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var command = FlightCommands.Parse(operation, request.FlightId, request.RequestId, request.HasExpectedVersion,
            request.ExpectedVersion, check);
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        check.ThrowIfAny();
        return (command, occurredAt);
    }

    /// <summary>Passengers depart with the flight; its waitlist, left behind, moves to the next flight of the route.</summary>
    public static FlightDecision DecideDeparture(Flight flight, Flight? next, DateTimeOffset at)
    {
        if (flight.Status == FlightStatus.Departed) return new FlightDecision([], []);
        if (flight.Status != FlightStatus.Scheduled)
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: it cannot depart");
        var move = MoveToNextFlight.Decide(flight, flight.Waitlist, next, $"flight {flight.Number} departed without a free seat", at);
        var departed = flight.Passengers.Select(p => (p.Traveller.CaseId, (IReadOnlyList<object>)[new Departed(p.Traveller.CaseId, flight.Id, null, at)]));
        return new FlightDecision([new FlightDeparted(flight.Id, at)], [.. departed, .. move.FileEvents], next?.Id, move.NextFlightEvents);
    }

    public static FlightDecision DecideArrival(Flight flight, DateTimeOffset at)
    {
        if (flight.Status == FlightStatus.Arrived) return new FlightDecision([], []);
        if (flight.Status != FlightStatus.Departed)
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: only a departed flight arrives");
        var arrived = flight.Passengers.Select(p => (p.Traveller.CaseId, (IReadOnlyList<object>)[new Arrived(p.Traveller.CaseId, flight.Id, null, at)]));
        return new FlightDecision([new FlightArrived(flight.Id, at)], arrived.ToList());
    }
}

public sealed class RecordFlightMovementHandler(FlightCommands commands, TimeProvider clock)
{
    public Task<FlightChanged> Depart(FlightMovementRequest request, Caller caller, CancellationToken ct)
    {
        var (command, at) = FlightMovementRules.Parse("RecordFlightDeparture", request, clock.GetUtcNow());
        return commands.Run(command, request, caller, async (session, flight) =>
        {
            var next = flight is { Status: FlightStatus.Scheduled, Waitlist.Count: > 0 } ? await session.LockNextOnRoute(flight, ct) : null;
            return FlightMovementRules.DecideDeparture(flight, next?.Flight(), at);
        }, ct);
    }

    public Task<FlightChanged> Arrive(FlightMovementRequest request, Caller caller, CancellationToken ct)
    {
        var (command, at) = FlightMovementRules.Parse("RecordFlightArrival", request, clock.GetUtcNow());
        return commands.Run(command, request, caller, (_, flight) => Task.FromResult(FlightMovementRules.DecideArrival(flight, at)), ct);
    }
}
