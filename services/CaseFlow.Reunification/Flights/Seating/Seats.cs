namespace CaseFlow.Reunification.Flights.Seating;

/// <summary>
/// The allocation rules of a flight: a party (a traveller and the escort who flies with them) gets all its seats or waits
/// whole on the waitlist; freed seats go down the waitlist in its order (priority, then request time) to each party that
/// fits whole ("first fit": a party too big for the seats left keeps its place, and the next party that fits is seated, so
/// no seat stays empty while someone waiting fits in it). See README.md (Reunification).
/// </summary>
public static class Seats
{
    public static object Offer(Flight flight, Traveller traveller, DateTimeOffset at) => flight.Fits(traveller)
        ? new FlightSeatAllocated(flight.Id, traveller, FromWaitlist: false, at)
        : new PassengerWaitlisted(flight.Id, traveller, at);

    /// <summary>Offers each traveller in turn, each seeing the seats the previous ones took.</summary>
    public static IReadOnlyList<object> OfferInTurn(Flight flight, IEnumerable<Traveller> travellers, DateTimeOffset at)
    {
        var offers = new List<object>();
        foreach (var traveller in travellers)
        {
            var offer = Offer(flight, traveller, at);
            flight = flight.After(offer);
            offers.Add(offer);
        }
        return offers;
    }

    public static IReadOnlyList<FlightSeatAllocated> GiveFreedSeats(Flight flight, DateTimeOffset at)
    {
        var free = flight.FreeSeats;
        var seated = new List<FlightSeatAllocated>();
        foreach (var waiting in flight.Waitlist)
        {
            if (free == 0) break;
            if (Math.Max(1, waiting.Seats) > free) continue;
            seated.Add(new FlightSeatAllocated(flight.Id, waiting, FromWaitlist: true, at));
            free -= Math.Max(1, waiting.Seats);
        }
        return seated;
    }

    /// <summary>What a seat or a waitlist place on the flight means for the party's file: the same fact on each of its tracks.</summary>
    public static IReadOnlyList<object> ForTheFile(Flight flight, object offer) => offer switch
    {
        FlightSeatAllocated seat => seat.Traveller.ForEachTrack(new SeatAllocated(seat.Traveller.CaseId, seat.Traveller.CenterId, flight.Id,
            flight.Number, flight.From, flight.To, flight.Date, seat.OccurredAt, Group: GroupOf(seat.Traveller))),
        PassengerWaitlisted wait => wait.Traveller.ForEachTrack(new Waitlisted(wait.Traveller.CaseId, flight.Id, flight.Number, flight.From,
            flight.To, wait.OccurredAt, Group: GroupOf(wait.Traveller))),
        _ => throw new ArgumentException($"not an offer: {offer.GetType().Name}"),
    };

    /// <summary>The tracks of a party booked together; null for a party of one.</summary>
    public static IReadOnlyList<string>? GroupOf(Traveller traveller) => traveller.Members is { Count: > 1 } members ? members : null;

    public static Guid CaseOf(object offer) => offer switch
    {
        FlightSeatAllocated seat => seat.Traveller.CaseId,
        PassengerWaitlisted wait => wait.Traveller.CaseId,
        _ => throw new ArgumentException($"not an offer: {offer.GetType().Name}"),
    };

    /// <summary>The traveller of a track: the separated member, or the applicant when the parent goes to the child.</summary>
    public static Traveller TravellerOf(ReunificationFile track, DateTimeOffset requestedAt) => new(
        track.Id, track.CenterId,
        track.Plan == ReunificationPlans.ParentTravelsToChild || track.Member is null
            ? CaseFlow.ServiceDefaults.Privacy.Subjects.ApplicantPerson
            : CaseFlow.ServiceDefaults.Privacy.Subjects.MemberPrefix + track.Member.MemberId,
        track.TravellerIsChild, track.Escort, track.Priority, requestedAt, SeatsFor(track),
        track.TrackId is { } memberId ? [memberId] : null);

    /// <summary>The escort of a child flies with them and takes a seat of their own.</summary>
    public static int SeatsFor(ReunificationFile track) => track.TravellerIsChild && track.Escort is not null ? 2 : 1;

    /// <summary>
    /// Tracks of one case travelling together: one party whose seats are its travellers and their escorts, an escort who
    /// goes with several of the children (the same name) counted once. It is seated whole or waits whole.
    /// </summary>
    public static Traveller GroupOf(IReadOnlyList<ReunificationFile> tracks, DateTimeOffset requestedAt)
    {
        if (tracks.Count == 1) return TravellerOf(tracks[0], requestedAt);
        var lead = TravellerOf(tracks[0], requestedAt);
        var escorts = tracks.Where(t => t.TravellerIsChild && t.Escort is not null)
            .Select(t => t.Escort!.IsErased ? t.TrackId : "escort:" + t.Escort.Value).Distinct().Count();
        return lead with
        {
            IsMinor = tracks.Any(t => t.TravellerIsChild),
            Seats = tracks.Count + escorts,
            Members = tracks.Select(t => t.TrackId!).ToList(),
        };
    }
}
