using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Flights.Scheduling;
using CaseFlow.Reunification.Flights.Seating;
using CaseFlow.Reunification.Travel;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Flights.ChangingCapacity;

public sealed record ChangeCapacity(int Capacity, string Reason, DateTimeOffset OccurredAt);

public static class ChangeCapacityRules
{
    public static (FlightCommand, ChangeCapacity) Parse(ChangeFlightCapacityRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var command = FlightCommands.Parse("ChangeFlightCapacity", request.FlightId, request.RequestId, request.HasExpectedVersion,
            request.ExpectedVersion, check);
        check.That(request.Capacity is >= 1 and <= ScheduleFlightRules.MaxCapacity, "capacity",
            $"must be 1 to {ScheduleFlightRules.MaxCapacity} seats");
        var reason = check.Text(request.Reason, "reason", "why the capacity changes");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        check.ThrowIfAny();
        return (command, new ChangeCapacity(request.Capacity, reason, occurredAt));
    }

    /// <summary>Never below the seats taken; new seats go to the head of the waitlist at once.</summary>
    public static IReadOnlyList<object> Decide(Flight flight, ChangeCapacity command)
    {
        if (flight.Status != FlightStatus.Scheduled)
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: its capacity is settled");
        if (command.Capacity < flight.Passengers.Count)
            throw new RuleViolated($"flight {flight.Number} already seats {flight.Passengers.Count}: release seats before lowering the capacity to {command.Capacity}");
        if (command.Capacity == flight.Capacity) return [];
        var changed = new FlightCapacityChanged(flight.Id, command.Capacity, command.Reason, command.OccurredAt);
        return [changed, .. Seats.GiveFreedSeats(flight.After(changed), command.OccurredAt)];
    }
}

public sealed class ChangeFlightCapacityHandler(FlightCommands commands, TimeProvider clock)
{
    public Task<FlightChanged> Handle(ChangeFlightCapacityRequest request, Caller caller, CancellationToken ct)
    {
        var (command, change) = ChangeCapacityRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, (session, flight) =>
        {
            var events = ChangeCapacityRules.Decide(flight, change);
            FileAndFlight.TellPromotedTravellers(session, flight, events);
            return Task.FromResult(new FlightDecision(events, []));
        }, ct);
    }
}
