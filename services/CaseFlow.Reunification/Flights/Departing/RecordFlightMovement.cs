using CaseFlow.Reunification.Travel.Moving;

namespace CaseFlow.Reunification.Flights.Departing;

/// <summary>A charter's departure or arrival: its passengers depart and arrive with it.</summary>
public sealed record RecordFlightMovement(DateTimeOffset OccurredAt)
{
    public static (FlightCommand, RecordFlightMovement) ParseDeparture(FlightMovementRequest request, DateTimeOffset now) =>
        Parse("RecordFlightDeparture", request, now);

    public static (FlightCommand, RecordFlightMovement) ParseArrival(FlightMovementRequest request, DateTimeOffset now) =>
        Parse("RecordFlightArrival", request, now);

    /// <summary>A departing flight's waitlist, left behind, moves on to the next flight of the route.</summary>
    public static bool LeavesWaitlistBehind(Flight flight) => flight is { Status: FlightStatus.Scheduled, Waitlist.Count: > 0 };

    /// <summary>Passengers depart with the flight; its waitlist, left behind, moves to the next flight of the route.</summary>
    public static FlightDecision DecideDeparture(Flight flight, Flight? next, RecordFlightMovement command)
    {
        var at = command.OccurredAt;
        if (flight.Status == FlightStatus.Departed) return new FlightDecision([], []);
        if (flight.Status != FlightStatus.Scheduled)
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: it cannot depart");
        var move = MoveToNextFlight.Decide(flight, flight.Waitlist, next, $"flight {flight.Number} departed without a free seat", at);
        var departed = flight.Passengers.Select(p => (p.Traveller.CaseId, p.Traveller.ForEachTrack(new Departed(p.Traveller.CaseId, flight.Id, null, at))));
        return new FlightDecision([new FlightDeparted(flight.Id, at)], [.. departed, .. move.FileEvents], move.NextFlightEvents);
    }

    public static FlightDecision DecideArrival(Flight flight, RecordFlightMovement command)
    {
        var at = command.OccurredAt;
        if (flight.Status == FlightStatus.Arrived) return new FlightDecision([], []);
        if (flight.Status != FlightStatus.Departed)
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: only a departed flight arrives");
        var arrived = flight.Passengers.Select(p => (p.Traveller.CaseId, p.Traveller.ForEachTrack(new Arrived(p.Traveller.CaseId, flight.Id, null, at))));
        return new FlightDecision([new FlightArrived(flight.Id, at)], arrived.ToList());
    }

    private static (FlightCommand, RecordFlightMovement) Parse(string operation, FlightMovementRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var command = FlightCommand.Parse(operation, request.FlightId, request.RequestId, request.HasExpectedVersion,
            request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (command, new RecordFlightMovement(occurredAt));
    }
}
