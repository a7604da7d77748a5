using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Travel.Moving;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Flights.Cancelling;

public sealed record CancelFlight(string Reason, DateTimeOffset OccurredAt);

public static class CancelFlightRules
{
    public static (FlightCommand, CancelFlight) Parse(CancelFlightRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var command = FlightCommands.Parse("CancelFlight", request.FlightId, request.RequestId, request.HasExpectedVersion,
            request.ExpectedVersion, check);
        var reason = check.Text(request.Reason, "reason", "why the flight is cancelled");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        check.ThrowIfAny();
        return (command, new CancelFlight(reason, occurredAt));
    }

    /// <summary>Everyone on the flight or its waitlist moves to the next flight of the route, each file told of the disruption.</summary>
    public static FlightDecision Decide(Flight flight, Flight? next, CancelFlight command)
    {
        if (flight.Status == FlightStatus.Cancelled) return new FlightDecision([], []);
        if (flight.Status != FlightStatus.Scheduled)
            throw new RuleViolated($"flight {flight.Number} has {flight.Status.Name()}: it can no longer be cancelled");
        var reason = $"flight {flight.Number} cancelled: {command.Reason}";
        var move = MoveToNextFlight.Decide(flight, MoveToNextFlight.EveryoneOn(flight), next, reason, command.OccurredAt);
        return new FlightDecision([new FlightCancelled(flight.Id, command.Reason, command.OccurredAt)], move.FileEvents,
            next?.Id, move.NextFlightEvents);
    }
}

public sealed class CancelFlightHandler(FlightCommands commands, TimeProvider clock)
{
    public Task<FlightChanged> Handle(CancelFlightRequest request, Caller caller, CancellationToken ct)
    {
        var (command, cancel) = CancelFlightRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, async (session, flight) =>
        {
            var next = flight.Status == FlightStatus.Scheduled ? await session.LockNextOnRoute(flight, ct) : null;
            return CancelFlightRules.Decide(flight, next?.Flight(), cancel);
        }, ct);
    }
}
