using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Flights.Seating;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Reunification.Travel.RequestingSeats;

/// <param name="FlightId">The flight asked for; null when the next flight of the route (From, To) is wanted.</param>
public sealed record RequestSeat(Guid? FlightId, string From, string To, DateTimeOffset OccurredAt);

public static class RequestSeatRules
{
    public static (FileCommand, RequestSeat) Parse(RequestSeatRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        Guid? flightId = null;
        var (from, to) = ("", "");
        if (!string.IsNullOrWhiteSpace(request.FlightId))
        {
            flightId = check.Id(request.FlightId, "flightId");
            check.That(request.Route is null, "route", "give a flight or a route, not both");
        }
        else if (request.Route is null) check.Add("flightId", "a flight id, or a route, is required");
        else
        {
            from = check.Text(request.Route.From, "route.from", "where the route starts", CommandInput.MaxNameLength);
            to = check.Text(request.Route.To, "route.to", "where the route ends", CommandInput.MaxNameLength);
        }
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("RequestSeat", caseId, version, request.RequestId), new RequestSeat(flightId, from, to, occurredAt));
    }

    /// <summary>A child travels only with recorded consent, a ready travel document and an assigned escort.</summary>
    public static IReadOnlyList<string> MissingForAChild(ReunificationFile file) => !file.TravellerIsChild ? [] :
    [
        .. file.ConsentRecorded ? Array.Empty<string>() : ["the guardian's consent"],
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
}
