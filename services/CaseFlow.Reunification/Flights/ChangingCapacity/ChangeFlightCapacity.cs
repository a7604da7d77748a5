using CaseFlow.Reunification.Flights.Scheduling;
using CaseFlow.Reunification.Flights.Seating;

namespace CaseFlow.Reunification.Flights.ChangingCapacity;

public sealed record ChangeCapacity(int Capacity, string Reason, DateTimeOffset OccurredAt)
{
    public static (FlightCommand, ChangeCapacity) Parse(ChangeFlightCapacityRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var command = FlightCommand.Parse("ChangeFlightCapacity", request.FlightId, request.RequestId, request.HasExpectedVersion,
            request.ExpectedVersion, check);
        check.That(request.Capacity is >= 1 and <= ScheduleFlight.MaxCapacity, "capacity",
            $"must be 1 to {ScheduleFlight.MaxCapacity} seats");
        var reason = check.Text(request.Reason, "reason", "why the capacity changes");
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (command, new ChangeCapacity(request.Capacity, reason, occurredAt));
    }

    /// <summary>Never below the seats taken; new seats go to the head of the waitlist at once.</summary>
    public static IReadOnlyList<object> Decide(Flight flight, ChangeCapacity command)
    {
        if (flight.Status != FlightStatus.Scheduled)
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: its capacity is settled");
        if (command.Capacity < flight.SeatsTaken)
            throw new RuleViolated($"flight {flight.Number} already seats {flight.SeatsTaken}: release seats before lowering the capacity to {command.Capacity}");
        if (command.Capacity == flight.Capacity) return [];
        var changed = new FlightCapacityChanged(flight.Id, command.Capacity, command.Reason, command.OccurredAt);
        return [changed, .. Seats.GiveFreedSeats(flight.After(changed), command.OccurredAt)];
    }
}
