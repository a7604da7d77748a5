using CaseFlow.ServiceDefaults.Privacy.AskingIntake;
using CaseFlow.Reunification.CaseData;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using Marten;

namespace CaseFlow.Reunification.Flights.IssuingManifest;

/// <summary>The manifest given to the carrier: a disclosure, so each traveller's name rests on a consent covering it.</summary>
public sealed record IssueManifest(DateTimeOffset OccurredAt)
{
    public const string AgencyKind = "carrier";

    public static (FlightCommand, IssueManifest) Parse(IssueManifestRequest r, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = FlightCommand.Parse("IssueManifest", r.FlightId, r.RequestId, r.HasExpectedVersion, r.ExpectedVersion, check);
        var at = check.BusinessTime(r.OccurredAt, now);
        check.ThrowIfAny();
        return (target, new IssueManifest(at));
    }

    /// <summary>
    /// Every seated traveller, by case number; named (and their escort) only when the consent in force at the business
    /// time covers the carrier, with that consent's version. Issued once, it stays as it was: a later withdrawal only
    /// keeps the names off the next manifest.
    /// </summary>
    /// <param name="files">The seated travellers' files (their consents).</param>
    /// <param name="names">The travellers' names as Intake gives them, by case and person; a traveller without one is
    /// listed by case number. A party of siblings is one line, each name sealed under its own person.</param>
    public static IReadOnlyList<object> Decide(Flight flight, IReadOnlyDictionary<Guid, ReunificationFile> files,
        IReadOnlyDictionary<(Guid CaseId, string Person), string> names, IssueManifest command)
    {
        if (flight.Status == FlightStatus.Cancelled) throw new RuleViolated($"flight {flight.Number} is cancelled: it has no manifest to give");
        var lines = flight.Passengers.Select(p => p.Traveller).Select(t =>
        {
            var consent = files.GetValueOrDefault(t.CaseId)?.SharingConsents.Covering(AgencyKind, command.OccurredAt);
            Sealed<string>? NameOf(string person) => consent is not null && names.GetValueOrDefault((t.CaseId, person)) is { Length: > 0 } name
                ? Sealed.For(Subjects.Of(t.CaseId, person), name)
                : null;
            var persons = t.Persons();
            var others = persons.Skip(1).Select(NameOf).OfType<Sealed<string>>().ToList();
            return new ManifestLine(t.CaseId, t.CenterId, t.IsMinor, consent?.ConsentId, consent?.Version, NameOf(persons[0]),
                consent is null ? null : t.Escort, t.Members, others.Count > 0 ? others : null);
        }).ToList();
        return [new ManifestIssued(flight.Id, lines, command.OccurredAt)];
    }
}

/// <summary>
/// Under the flight's row lock, so the manifest lists exactly the seats taken: the travellers' files for their consents,
/// and the names of those covered from Intake, asked on the supervisor's behalf (their token: Intake logs their read).
/// </summary>
public sealed class IssueManifestHandler(StreamCommands commands, IntakeCases intake, TimeProvider clock)
{
    public Task<FlightChanged> Handle(IssueManifestRequest request, Caller caller, string? authorization, CancellationToken ct)
    {
        var (target, command) = IssueManifest.Parse(request, clock.GetUtcNow());
        return commands.RunInTurn(target.Call, request, caller, _ => Task.FromResult<Guid?>(target.FlightId), async writer =>
        {
            var stream = await writer.Locked<Flight>(target.FlightId, target.ExpectedVersion, FlightCommand.What, ct);
            var flight = stream.Aggregate!;
            var caseIds = flight.Passengers.Select(p => p.Traveller.CaseId).ToList();
            var files = (await writer.Session.LoadManyAsync<ReunificationFile>(ct, caseIds)).ToDictionary(f => f.Id);
            var covered = flight.Passengers.Select(p => p.Traveller)
                .Where(t => files.GetValueOrDefault(t.CaseId)?.SharingConsents.Covering(IssueManifest.AgencyKind, command.OccurredAt) is not null)
                .ToList();
            var people = await intake.FindAll(covered.Select(t => t.CaseId), authorization, ct);
            var names = covered.SelectMany(t => t.Persons().Select(person => (Key: (t.CaseId, person), Traveller: t)))
                .DistinctBy(x => x.Key)
                .ToDictionary(x => x.Key, x => NameUnlessErased(people.GetValueOrDefault(x.Key.CaseId), x.Key.person));

            var events = IssueManifest.Decide(flight, files, names, command);
            stream.AppendMany(events);
            return new FlightChanged
            {
                FlightId = flight.Id.ToString(), Version = (int)(stream.CurrentVersion ?? 0), Status = flight.After(events).Status.Name(),
            };
        }, ct);
    }

    /// <summary>An erased person has no name to give (and no key to seal one under).</summary>
    private static string NameUnlessErased(Intake.Api.V1.CaseDetails? details, string person) =>
        details is null || details.ErasedPeople.Contains(person) || details.ErasedPeople.Contains(person.Replace(Subjects.MemberPrefix, ""))
            ? ""
            : details.NameOf(person) is var name && name != Sealed.ErasedText ? name : "";
}
