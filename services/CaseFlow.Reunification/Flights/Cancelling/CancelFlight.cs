using CaseFlow.Reunification.Travel.Moving;

namespace CaseFlow.Reunification.Flights.Cancelling;

public sealed record CancelFlight(string Reason, DateTimeOffset OccurredAt)
{
    public static (FlightCommand, CancelFlight) Parse(CancelFlightRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var command = FlightCommand.Parse("CancelFlight", request.FlightId, request.RequestId, request.HasExpectedVersion,
            request.ExpectedVersion, check);
        var reason = check.Text(request.Reason, "reason", "why the flight is cancelled");
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (command, new CancelFlight(reason, occurredAt));
    }

    /// <summary>A scheduled flight's travellers move on to the next flight of the route.</summary>
    public static bool MovesTravellersOn(Flight flight) => flight.Status == FlightStatus.Scheduled;

    /// <summary>Everyone on the flight or its waitlist moves to the next flight of the route, each file told of the disruption.</summary>
    public static FlightDecision Decide(Flight flight, Flight? next, CancelFlight command)
    {
        if (flight.Status == FlightStatus.Cancelled) return new FlightDecision([], []);
        if (flight.Status != FlightStatus.Scheduled)
            throw new RuleViolated($"flight {flight.Number} has {flight.Status.Name()}: it can no longer be cancelled");
        var reason = $"flight {flight.Number} cancelled: {command.Reason}";
        var move = MoveToNextFlight.Decide(flight, MoveToNextFlight.EveryoneOn(flight), next, reason, command.OccurredAt);
        return new FlightDecision([new FlightCancelled(flight.Id, command.Reason, command.OccurredAt)], move.FileEvents,
            move.NextFlightEvents);
    }
}
