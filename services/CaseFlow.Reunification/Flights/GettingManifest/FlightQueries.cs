using CaseFlow.ServiceDefaults.Privacy.AskingIntake;
using CaseFlow.Reunification.CaseData;
using Google.Protobuf.WellKnownTypes;
using CaseFlow.ServiceDefaults.Reporting;
using Marten;

namespace CaseFlow.Reunification.Flights.GettingManifest;

/// <summary>
/// Manifests, waitlists and the list of flights, read from the inline flight documents. A manifest shows the seats taken
/// now, but names and escorts only as the last issued manifest gave them to the carrier (under a consent); a waitlist's
/// names come from Intake, on the caller's behalf. Names and escorts are personal: the call gate clears them for
/// dashboards and for other centers' travellers of an operator (reunification.proto).
/// </summary>
public sealed class FlightQueries(EventSessions sessions, IntakeCases intake)
{
    public async Task<Api.V1.FlightManifest> Manifest(GetFlightRequest request, string? authorization, CancellationToken ct)
    {
        var flight = await Load(request.FlightId, ct);
        var issued = flight.IssuedManifest?.Travellers.DistinctBy(l => l.Party()).ToDictionary(l => l.Party()) ?? [];
        var corrected = await CorrectedNames(flight, issued, authorization, ct);
        var manifest = new Api.V1.FlightManifest
        {
            FlightId = flight.Id.ToString(), Version = (int)flight.Version, Number = flight.Number, From = flight.From, To = flight.To,
            Date = flight.Date.ToString("yyyy-MM-dd"), Capacity = flight.Capacity, Status = flight.Status.Name(),
            Waitlisted = flight.Waitlist.Count,
            Passengers =
            {
                flight.Passengers.Select(p => issued.GetValueOrDefault(p.Traveller.Party()) is var line ? new Passenger
                {
                    CaseId = p.Traveller.CaseId.ToString(), CenterId = p.Traveller.CenterId,
                    Name = corrected.GetValueOrDefault(p.Traveller.Party()) ?? NamesOn(line),
                    NameCorrectedSinceIssue = corrected.ContainsKey(p.Traveller.Party()),
                    MemberIds = { p.Traveller.Members ?? [] },
                    IsMinor = p.Traveller.IsMinor, Escort = line?.Escort.Shown() ?? "", Priority = p.Traveller.Priority,
                    SeatedAt = Timestamp.FromDateTimeOffset(p.SeatedAt), ConsentId = line?.ConsentId?.ToString() ?? "",
                    ConsentVersion = line?.ConsentVersion ?? 0, Seats = Math.Max(1, p.Traveller.Seats),
                } : null!),
            },
        };
        if (flight.IssuedManifest is { } given)
            manifest.IssuedManifest = new IssuedManifest
            {
                IssuedAt = Timestamp.FromDateTimeOffset(given.OccurredAt),
                Travellers =
                {
                    given.Travellers.Select(l => new ManifestTraveller
                    {
                        CaseId = l.CaseId.ToString(), CenterId = l.CenterId, IsMinor = l.IsMinor, Name = NamesOn(l), Escort = l.Escort.Shown(),
                        ConsentId = l.ConsentId?.ToString() ?? "", ConsentVersion = l.ConsentVersion ?? 0,
                    }),
                },
            };
        return manifest;
    }

    /// <summary>
    /// The names corrected at Intake since the manifest named their travellers (Files/Correcting), as Intake gives them to
    /// the caller now; a caller Intake does not show the case to keeps the issued name (which the call gate clears for them).
    /// </summary>
    private async Task<IReadOnlyDictionary<PartyKey, string>> CorrectedNames(Flight flight, IReadOnlyDictionary<PartyKey, ManifestLine> issued,
        string? authorization, CancellationToken ct)
    {
        var named = flight.Passengers.Select(p => p.Traveller)
            .Where(t => flight.NamesCorrectedSinceIssue.Contains(t.CaseId) && issued.GetValueOrDefault(t.Party())?.Name is not null).ToList();
        if (named.Count == 0) return new Dictionary<PartyKey, string>();
        var people = await intake.FindAll(named.Select(t => t.CaseId).Distinct(), authorization, ct);
        return named
            .Select(t => (Party: t.Party(), Name: string.Join(", ", t.Persons().Select(people.GetValueOrDefault(t.CaseId).NameOf)
                .Where(name => name.Length > 0 && name != Sealed.ErasedText))))
            .Where(x => x.Name.Length > 0)
            .ToDictionary(x => x.Party, x => x.Name);
    }

    /// <summary>The names a manifest line gave the carrier: the traveller's, then their siblings' in the same party.</summary>
    private static string NamesOn(ManifestLine? line) => line is null ? ""
        : string.Join(", ", new[] { line.Name.Shown() }.Concat((line.OtherNames ?? []).Select(n => n.Shown())).Where(n => n.Length > 0));

    /// <summary>One flight's waitlist, or a route's: its open flights' waitlists, earliest flight first.</summary>
    public async Task<Api.V1.Waitlist> Waitlist(GetWaitlistRequest request, string? authorization, CancellationToken ct)
    {
        IReadOnlyList<Flight> flights;
        if (!string.IsNullOrWhiteSpace(request.FlightId)) flights = [await Load(request.FlightId, ct)];
        else
        {
            var check = new InputCheck();
            check.Required(request.From, "from", "a flight id, or the route's start").Required(request.To, "to", "the route's end");
            check.ThrowIfAny();
            await using var session = sessions.Query();
            flights = await session.OpenOnRoute(request.From.Trim(), request.To.Trim(), DateOnly.MinValue, ct);
        }
        var entries = flights.SelectMany(f => f.Waitlist.Select(t => (Flight: f, Traveller: t))).ToList();
        var people = await intake.FindAll(entries.Select(e => e.Traveller.CaseId), authorization, ct);
        return new Api.V1.Waitlist
        {
            Entries =
            {
                entries.Select((e, i) => new Api.V1.WaitlistEntry
                {
                    Position = i + 1, FlightId = e.Flight.Id.ToString(), CaseId = e.Traveller.CaseId.ToString(),
                    CenterId = e.Traveller.CenterId, Name = string.Join(", ", e.Traveller.Persons().Select(people.GetValueOrDefault(e.Traveller.CaseId).NameOf).Where(n => n.Length > 0)),
                    Priority = e.Traveller.Priority,
                    RequestedAt = Timestamp.FromDateTimeOffset(e.Traveller.RequestedAt), Seats = Math.Max(1, e.Traveller.Seats),
                    MemberIds = { e.Traveller.Members ?? [] },
                }),
            },
        };
    }

    /// <summary>A page of flights by date, filtered by the database; a status must be one of the flight statuses.</summary>
    public async Task<FlightList> List(ListFlightsRequest request, CancellationToken ct)
    {
        var check = new InputCheck();
        var pageSize = ListPages.Size(check, request.PageSize);
        var after = ListPages.After(check, request.PageToken);
        FlightStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var statuses = System.Enum.GetValues<FlightStatus>();
            var matching = statuses.Where(s => s.Name() == request.Status.Trim()).ToList();
            if (matching.Count == 1) status = matching[0];
            else check.Add("status", $"unknown status '{request.Status}'; use one of: {string.Join(", ", statuses.Select(s => s.Name()))}");
        }
        check.ThrowIfAny();

        await using var session = sessions.Query();
        IQueryable<Flight> flights = session.Query<Flight>();
        if (!string.IsNullOrWhiteSpace(request.From)) { var from = request.From.Trim(); flights = flights.Where(f => f.From == from); }
        if (!string.IsNullOrWhiteSpace(request.To)) { var to = request.To.Trim(); flights = flights.Where(f => f.To == to); }
        if (status is { } s) flights = flights.Where(f => f.Status == s);
        if (after is not null) flights = flights.Where(f => f.ListPosition.CompareTo(after) > 0);
        var page = await flights.OrderBy(f => f.ListPosition).Take(pageSize + 1).ToListAsync(ct);
        return new FlightList
        {
            NextPageToken = page.Count > pageSize ? ListPages.Token(page[pageSize - 1].ListPosition) : "",
            Flights =
            {
                page.Take(pageSize).Select(f => new FlightSummary
                {
                    FlightId = f.Id.ToString(), Number = f.Number, From = f.From, To = f.To, Date = f.Date.ToString("yyyy-MM-dd"),
                    Capacity = f.Capacity, SeatsTaken = f.SeatsTaken, Waitlisted = f.Waitlist.Count, Status = f.Status.Name(),
                    Version = (int)f.Version,
                }),
            },
        };
    }

    private async Task<Flight> Load(string flightId, CancellationToken ct)
    {
        var check = new InputCheck();
        var id = check.Id(flightId, "flightId");
        check.ThrowIfAny();
        await using var session = sessions.Query();
        return await session.LoadAsync<Flight>(id, ct) ?? throw new NotFound($"flight {id} does not exist");
    }
}
