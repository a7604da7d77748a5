using CaseFlow.Reunification.Flights.Seating;
using Marten;

namespace CaseFlow.Reunification.Travel.RequestingSeats;

/// <param name="FlightId">The flight asked for; null when the next flight of the route (From, To) is wanted.</param>
/// <param name="Group">Tracks of the case that travel together as one party; null for the one track named (or the only one).</param>
public sealed record RequestSeat(Guid? FlightId, string From, string To, DateTimeOffset OccurredAt, IReadOnlyList<string>? Group = null,
    string? MemberId = null)
{
    public static (FileCommand, RequestSeat) Parse(RequestSeatRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RequestSeat", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => Where(r, check, at) with { Group = GroupOf(r, check), MemberId = string.IsNullOrWhiteSpace(r.MemberId) ? null : r.MemberId.Trim() });

    private static RequestSeat Where(RequestSeatRequest r, InputCheck check, DateTimeOffset at)
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
    }

    /// <summary>A group names each of its tracks once; the member named beside it is one of them.</summary>
    private static IReadOnlyList<string>? GroupOf(RequestSeatRequest r, InputCheck check)
    {
        if (r.Group.Count == 0) return null;
        var group = r.Group.Select(m => m.Trim()).ToList();
        check.That(group.All(m => m.Length > 0), "group", "a member id of the group is empty");
        check.That(group.Distinct().Count() == group.Count, "group", "names a member more than once");
        check.That(string.IsNullOrWhiteSpace(r.MemberId) || group.Contains(r.MemberId.Trim()), "memberId", "must be one of the group");
        return group;
    }

    /// <summary>A child travels only with the guardian's consent to travel, a ready travel document and an assigned escort.</summary>
    public static IReadOnlyList<string> MissingForAChild(ReunificationFile file) => !file.TravellerIsChild ? [] :
    [
        .. file.TravelConsentRecorded ? Array.Empty<string>() : ["the guardian's consent to travel"],
        .. file.DocumentsReady.Contains(DocumentKinds.TravelDocument) ? Array.Empty<string>() : ["a ready travel document"],
        .. file.Escort is not null ? Array.Empty<string>() : ["an escort"],
    ];

    /// <summary>The tracks a request is for: its group, or the one track named (the only one when none is).</summary>
    public static IReadOnlyList<ReunificationFile> TracksOf(ReunificationFile file, RequestSeat command) =>
        command.Group is { Count: > 0 } group ? group.Select(file.Track).ToList() : [file.Track(command.MemberId)];

    /// <summary>
    /// A planned party (one track, or a group of tracks with their escorts) gets all its seats on the flight if they are
    /// free, else one place on its waitlist: never one sibling seated and another waiting.
    /// </summary>
    /// <param name="flight">The flight asked for or found for the route; null when the route has no open flight.</param>
    public static TravelDecision Decide(ReunificationFile file, Flight? flight, RequestSeat command)
    {
        var tracks = TracksOf(file, command);
        foreach (var track in tracks) EnsureCanAsk(track, tracks.Count > 1);
        var members = tracks.Select(t => t.TrackId ?? "").ToList();
        var bookings = tracks.Select(t => t.Booking).ToList();
        // Asked again as booked (the same flight or route, the same group): nothing new.
        bool Same(Booking? b) => b is not null && (b.Group ?? [members[0]]).SequenceEqual(members);
        if (flight is not null && bookings.All(b => b?.FlightId == flight.Id && Same(b))) return new TravelDecision([], []);
        if (flight is null && bookings.All(b => b is { FlightId: null } && (b.From, b.To) == (command.From, command.To) && Same(b)))
            return new TravelDecision([], []);
        if (bookings.FirstOrDefault(b => b is not null) is { } booked)
            throw new RuleViolated(booked.FlightId is null
                ? $"case {file.Id} already waits for a flight from {booked.From} to {booked.To}: release that place first"
                : $"case {file.Id} is already booked on flight {booked.FlightNumber}: release that seat first");
        if (flight is { Status: not FlightStatus.Scheduled })
            throw new RuleViolated($"flight {flight.Number} is {flight.Status.Name()}: it takes no more travellers");

        var (from, to) = flight is null ? (command.From, command.To) : (flight.From, flight.To);
        var requested = tracks.Select(t => OnTrackOf(t, new SeatRequested(file.Id, command.FlightId, from, to, command.OccurredAt))).ToList();
        var party = Seats.GroupOf(tracks, command.OccurredAt);
        if (flight is null)
            return new TravelDecision([.. requested, .. party.ForEachTrack(new Waitlisted(file.Id, null, null, from, to, command.OccurredAt,
                Group: Seats.GroupOf(party)))], []);
        var offer = Seats.Offer(flight, party, command.OccurredAt);
        return new TravelDecision([.. requested, .. Seats.ForTheFile(flight, offer)], [offer]);
    }

    private static object OnTrackOf(ReunificationFile track, ITrackFact fact) => track.TrackId is { } id ? fact.On(id) : fact;

    /// <summary>Each track of a party is planned and ready; siblings travel together, a parent going to a child travels alone.</summary>
    private static void EnsureCanAsk(ReunificationFile track, bool inGroup)
    {
        FileRules.EnsureNotTravelling(track);
        var who = inGroup ? $"member {track.TrackId} of case {track.Id}" : $"case {track.Id}";
        if (track.Plan is null) throw new RuleViolated($"{who} has no reunification plan yet: choose one first");
        if (inGroup && track.Plan == ReunificationPlans.ParentTravelsToChild)
            throw new RuleViolated($"{who} is planned as the parent travelling to the child: only travelling members form a group");
        if (MissingForAChild(track) is { Count: > 0 } missing)
            throw new RuleViolated(inGroup ? $"{who}: a child gets no seat without {string.Join(", ", missing)}"
                : $"a child gets no seat without {string.Join(", ", missing)}");
    }

    /// <summary>
    /// The flight asked for; for a route, its earliest open flight with room for the whole party (a later flight that
    /// takes the siblings together beats an earlier one with a single free seat), else the earliest (to wait on), else none.
    /// </summary>
    public static async Task<Guid?> FlightFor(IQuerySession session, Guid caseId, RequestSeat seat, CancellationToken ct)
    {
        if (seat.FlightId is { } asked) return asked;
        var file = await session.LoadAsync<ReunificationFile>(caseId, ct);
        var seats = file is null ? 1 : Math.Max(1, Seats.GroupOf(TracksOf(file, seat), seat.OccurredAt).Seats);
        var open = await session.OpenOnRoute(seat.From, seat.To, DateOnly.FromDateTime(seat.OccurredAt.UtcDateTime), ct);
        return (open.FirstOrDefault(f => f.FreeSeats >= seats) ?? open.FirstOrDefault())?.Id;
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
        return commands.RunInTurn(target.ForStream.Call, request, caller, query => RequestSeat.FlightFor(query, target.CaseId, seat, ct), async writer =>
        {
            // Found again inside the transaction: the turn may have waited while the route's flights filled up.
            var flightId = await RequestSeat.FlightFor(writer.Session, target.CaseId, seat, ct);
            var flight = flightId is { } id ? await writer.Locked<Flight>(id, null, FlightCommand.What, ct) : null;
            var file = await writer.Existing<ReunificationFile>(target.CaseId, target.ExpectedVersion, FileCommand.What, ct);

            var decision = RequestSeat.Decide(file.Aggregate!, flight?.Aggregate, seat);
            file.AppendMany(decision.FileEvents);
            flight?.AppendMany(decision.FlightEvents);
            var after = file.Aggregate!.After(decision.FileEvents);
            var tracks = RequestSeat.TracksOf(after, seat);
            var booking = tracks[0].Booking;
            return new SeatRequestAnswer
            {
                CaseId = target.CaseId.ToString(),
                Version = (int)(file.CurrentVersion ?? 0),
                Stage = tracks[0].Stage.Name(),
                FlightId = booking?.FlightId?.ToString() ?? "",
                Outcome = booking is { Seated: true } ? "seated" : "waitlisted",
                MemberId = tracks[0].TrackId ?? "",
                Group = { booking?.Group ?? [] },
            };
        }, ct);
    }
}
