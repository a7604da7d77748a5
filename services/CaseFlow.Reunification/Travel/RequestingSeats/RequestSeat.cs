using CaseFlow.Reunification.Flights.Seating;
using Marten;

namespace CaseFlow.Reunification.Travel.RequestingSeats;

/// <param name="FlightId">The flight asked for; null when the next flight of the route (From, To) is wanted.</param>
public sealed record RequestSeat(Guid? FlightId, string From, string To, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RequestSeat) Parse(RequestSeatRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RequestSeat", r.CaseId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) =>
            {
                if (!string.IsNullOrWhiteSpace(r.FlightId))
                {
                    check.That(r.Route is null, "route", "give a flight or a route, not both");
                    return new RequestSeat(check.Id(r.FlightId, "flightId"), "", "", at);
                }
                if (r.Route is null)
                {
                    check.Add("flightId", "a flight id, or a route, is required");
                    return new RequestSeat(null, "", "", at);
                }
                return new RequestSeat(null, check.Text(r.Route.From, "route.from", "where the route starts", TextLimits.Name),
                    check.Text(r.Route.To, "route.to", "where the route ends", TextLimits.Name), at);
            });

    /// <summary>A child travels only with the guardian's consent to travel, a ready travel document and an assigned escort.</summary>
    public static IReadOnlyList<string> MissingForAChild(ReunificationFile file) => !file.TravellerIsChild ? [] :
    [
        .. file.TravelConsentRecorded ? Array.Empty<string>() : ["the guardian's consent to travel"],
        .. file.DocumentsReady.Contains(DocumentKinds.TravelDocument) ? Array.Empty<string>() : ["a ready travel document"],
        .. file.Escort is not null ? Array.Empty<string>() : ["an escort"],
    ];

    /// <summary>A planned traveller gets a seat on the flight if one is free, else a place on its waitlist.</summary>
    /// <param name="flight">The flight asked for or found for the route; null when the route has no open flight.</param>
    public static TravelDecision Decide(ReunificationFile file, Flight? flight, RequestSeat command)
    {
        FileRules.EnsureNotTravelling(file);
        if (file.Plan is null) throw new RuleViolated($"case {file.Id} has no reunification plan yet: choose one first");
        var booking = file.Booking;
        if (flight is not null && booking?.FlightId == flight.Id) return new TravelDecision([], []);
        if (flight is null && booking is { FlightId: null } && (booking.From, booking.To) == (command.From, command.To))
            return new TravelDecision([], []);
        if (booking?.FlightId is not null)
            throw new RuleViolated($"case {file.Id} is already booked on flight {booking.FlightNumber}: release that seat first");
        if (flight is { Status: not FlightStatus.Scheduled })
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: it takes no more travellers");
        if (MissingForAChild(file) is { Count: > 0 } missing)
            throw new RuleViolated($"a child gets no seat without {string.Join(", ", missing)}");

        var (from, to) = flight is null ? (command.From, command.To) : (flight.From, flight.To);
        var requested = new SeatRequested(file.Id, command.FlightId, from, to, command.OccurredAt);
        if (flight is null)
            return new TravelDecision([requested, new Waitlisted(file.Id, null, null, from, to, command.OccurredAt)], []);
        var offer = Seats.Offer(flight, Seats.TravellerOf(file, command.OccurredAt), command.OccurredAt);
        return new TravelDecision([requested, Seats.ForTheFile(flight, offer)], [offer]);
    }

    /// <summary>The flight asked for; for a route, its earliest open flight with a free seat, else the earliest (to wait on), else none yet.</summary>
    public static async Task<Guid?> FlightFor(IQuerySession session, RequestSeat seat, CancellationToken ct)
    {
        if (seat.FlightId is { } asked) return asked;
        var open = await session.OpenOnRoute(seat.From, seat.To, DateOnly.FromDateTime(seat.OccurredAt.UtcDateTime), ct);
        return (open.FirstOrDefault(f => f.FreeSeats > 0) ?? open.FirstOrDefault())?.Id;
    }
}

/// <summary>
/// In turn on the flight asked for (or found for the route), then under its row lock: seats are decided one after
/// another, so they never exceed the capacity.
/// </summary>
public sealed class RequestSeatHandler(StreamCommands commands, TimeProvider clock)
{
    public Task<SeatRequestAnswer> Handle(RequestSeatRequest request, Caller caller, CancellationToken ct)
    {
        var (target, seat) = RequestSeat.Parse(request, clock.GetUtcNow());
        return commands.RunInTurn(target.ForStream.Call, request, caller, query => RequestSeat.FlightFor(query, seat, ct), async writer =>
        {
            // Found again inside the transaction: the turn may have waited while the route's flights filled up.
            var flightId = await RequestSeat.FlightFor(writer.Session, seat, ct);
            var flight = flightId is { } id ? await writer.Locked<Flight>(id, null, FlightCommand.What, ct) : null;
            var file = await writer.Existing<ReunificationFile>(target.CaseId, target.ExpectedVersion, FileCommand.What, ct);

            var decision = RequestSeat.Decide(file.Aggregate!, flight?.Aggregate, seat);
            file.AppendMany(decision.FileEvents);
            flight?.AppendMany(decision.FlightEvents);
            var after = file.Aggregate!.After(decision.FileEvents);
            return new SeatRequestAnswer
            {
                CaseId = target.CaseId.ToString(),
                Version = (int)(file.CurrentVersion ?? 0),
                Stage = after.Stage.Name(),
                FlightId = after.Booking?.FlightId?.ToString() ?? "",
                Outcome = after.Booking is { Seated: true } ? "seated" : "waitlisted",
            };
        }, ct);
    }
}
