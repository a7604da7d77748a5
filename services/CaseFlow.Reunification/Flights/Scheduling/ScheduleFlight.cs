using CaseFlow.Reunification.Flights.Seating;
using Marten;

namespace CaseFlow.Reunification.Flights.Scheduling;

/// <summary>A new charter flight; travellers already waiting for its route take its seats at once.</summary>
public static class ScheduleFlight
{
    public const int MaxCapacity = 1000;
    public const int MaxNumberLength = 20;

    public static FlightScheduled Parse(ScheduleFlightRequest request, Guid newFlightId, DateTimeOffset now)
    {
        var check = new InputCheck();
        var number = check.Text(request.Number, "number", "the flight number", MaxNumberLength);
        var from = check.Text(request.From, "from", "where the flight leaves from", TextLimits.Name);
        var to = check.Text(request.To, "to", "where the flight goes", TextLimits.Name);
        check.That(from.Length == 0 || !string.Equals(from, to, StringComparison.OrdinalIgnoreCase), "to", "must differ from 'from'");
        var date = check.Date(request.Date, "date", required: true) ?? default;
        check.That(date == default || date.Year >= 2000, "date", $"{date:yyyy-MM-dd} is before 2000");
        check.That(request.Capacity is >= 1 and <= MaxCapacity, "capacity", $"must be 1 to {MaxCapacity} seats");
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return new FlightScheduled(newFlightId, number, from, to, date, request.Capacity, occurredAt);
    }

    /// <summary>A flight number flies once a day.</summary>
    public static void EnsureNew(FlightScheduled scheduled, IEnumerable<Flight> sameNumber)
    {
        if (sameNumber.Any(f => f.Number == scheduled.Number && f.Date == scheduled.Date && f.Status != FlightStatus.Cancelled))
            throw new RuleViolated($"flight {scheduled.Number} is already scheduled on {scheduled.Date:yyyy-MM-dd}");
    }

    /// <summary>Travellers waiting for any flight of the route take the new flight's seats, by priority then request time.</summary>
    public static (IReadOnlyList<object> FlightEvents, IReadOnlyList<(Guid, IReadOnlyList<object>)> FileEvents) SeatWaitingTravellers(
        FlightScheduled scheduled, IEnumerable<ReunificationFile> waitingOnRoute)
    {
        var flight = Flight.Create(scheduled);
        var travellers = waitingOnRoute
            .SelectMany(file => WaitingParties(file, scheduled.From, scheduled.To))
            .OrderByDescending(t => Priorities.Rank(t.Priority)).ThenBy(t => t.RequestedAt);
        var offers = Seats.OfferInTurn(flight, travellers, scheduled.OccurredAt);
        return (offers, offers.GroupBy(Seats.CaseOf)
            .Select(o => (o.Key, (IReadOnlyList<object>)o.SelectMany(offer => Seats.ForTheFile(flight, offer)).ToList())).ToList());
    }

    /// <summary>The parties of a file waiting for any flight of the route: each track alone, or each group whole.</summary>
    public static IEnumerable<Traveller> WaitingParties(ReunificationFile file, string from, string to) => file.EveryTrack()
        .Where(t => t is { Stage: ReunificationStage.Waitlisted, Booking: { FlightId: null } b } && (b.From, b.To) == (from, to))
        .GroupBy(t => string.Join("|", t.Booking!.Group ?? [t.TrackId ?? ""]))
        .Select(party => Seats.GroupOf(party.ToList(), party.First().SeatRequestedAt ?? file.OpenedAt));
}

public sealed class ScheduleFlightHandler(StreamCommands commands, TimeProvider clock)
{
    public Task<FlightChanged> Handle(ScheduleFlightRequest request, Caller caller, CancellationToken ct)
    {
        // The id is chosen once: a retry after a conflict starts the same flight, which the first attempt did not commit.
        var scheduled = ScheduleFlight.Parse(request, Guid.CreateVersion7(), clock.GetUtcNow());
        return commands.Run(new CommandCall("reunification.ScheduleFlight", request.RequestId, ExpectedVersion: null), request, caller,
            async writer =>
            {
                ScheduleFlight.EnsureNew(scheduled, await writer.Session.Query<Flight>()
                    .Where(f => f.Number == scheduled.Number && f.Date == scheduled.Date).ToListAsync(ct));
                // Only the files waiting on this route, found by the (stage, booking from, booking to) index.
                var route = ReunificationFile.Route(scheduled.From, scheduled.To);
                var waiting = await writer.Session.Query<ReunificationFile>()
                    .Where(f => (f.Stage == ReunificationStage.Waitlisted && f.Booking!.From == scheduled.From
                        && f.Booking.To == scheduled.To && f.Booking.FlightId == null) || f.WaitingOnRoutes.Contains(route))
                    .ToListAsync(ct);
                var (flightEvents, fileEvents) = ScheduleFlight.SeatWaitingTravellers(scheduled, waiting);

                writer.Start<Flight>(scheduled.FlightId, [scheduled, .. flightEvents]);
                foreach (var (caseId, events) in fileEvents)
                {
                    // At the version the seat was decided on: a traveller seated elsewhere meanwhile is a conflict, decided again.
                    var version = waiting.Single(f => f.Id == caseId).Version;
                    (await writer.Existing<ReunificationFile>(caseId, version, FileCommand.What, ct)).AppendMany(events);
                }
                return new FlightChanged
                {
                    FlightId = scheduled.FlightId.ToString(), Version = 1 + flightEvents.Count, Status = FlightStatus.Scheduled.Name(),
                };
            }, ct);
    }
}
