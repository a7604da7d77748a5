using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights.Seating;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Reunification.Flights.Scheduling;

public static class ScheduleFlightRules
{
    public const int MaxCapacity = 1000;

    public static FlightScheduled Parse(ScheduleFlightRequest request, Guid newFlightId, DateTimeOffset now)
    {
        var check = new InputCheck();
        var number = check.Text(request.Number, "number", "the flight number", 20);
        var from = check.Text(request.From, "from", "where the flight leaves from", CommandInput.MaxNameLength);
        var to = check.Text(request.To, "to", "where the flight goes", CommandInput.MaxNameLength);
        check.That(from.Length == 0 || !string.Equals(from, to, StringComparison.OrdinalIgnoreCase), "to", "must differ from 'from'");
        var date = check.Date(request.Date, "date", required: true) ?? default;
        check.That(date == default || date.Year >= 2000, "date", $"{date:yyyy-MM-dd} is before 2000");
        check.That(request.Capacity is >= 1 and <= MaxCapacity, "capacity", $"must be 1 to {MaxCapacity} seats");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        check.ThrowIfAny();
        return new FlightScheduled(newFlightId, number, from, to, date, request.Capacity, occurredAt);
    }

    /// <summary>A flight number flies once a day.</summary>
    public static void EnsureNew(FlightScheduled scheduled, IEnumerable<Flight> sameDay)
    {
        if (sameDay.Any(f => f.Number == scheduled.Number && f.Date == scheduled.Date && f.Status != FlightStatus.Cancelled))
            throw new RuleViolated($"flight {scheduled.Number} is already scheduled on {scheduled.Date:yyyy-MM-dd}");
    }

    /// <summary>Travellers waiting for any flight of the route take the new flight's seats, by priority then request time.</summary>
    public static (IReadOnlyList<object> FlightEvents, IReadOnlyList<(Guid, IReadOnlyList<object>)> FileEvents) SeatWaitingTravellers(
        FlightScheduled scheduled, IEnumerable<ReunificationFile> waitingOnRoute)
    {
        var flight = Flight.Create(scheduled);
        var travellers = waitingOnRoute
            .Select(file => Seats.TravellerOf(file, file.SeatRequestedAt ?? file.OpenedAt))
            .OrderByDescending(t => Priorities.Rank(t.Priority)).ThenBy(t => t.RequestedAt);
        var offers = Seats.OfferInTurn(flight, travellers, scheduled.OccurredAt);
        return (offers, offers.Select(o => (Seats.CaseOf(o), (IReadOnlyList<object>)[Seats.ForTheFile(flight, o)])).ToList());
    }
}
