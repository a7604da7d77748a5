using CaseFlow.Reunification.Travel;
using PersonDetailsCorrected = CaseFlow.Contracts.Intake.V1.PersonDetailsCorrected;

namespace CaseFlow.Reunification.Files.Correcting;

/// <summary>
/// A person's details were corrected at Intake, at <paramref name="CaseVersion"/> of the case: the file keeps the
/// non-personal facts anew (a separated member's relationship, age group, whether a minor, country); names and
/// whereabouts are Intake's and are asked for when shown, so they show corrected without being stored here.
/// </summary>
public sealed record PersonCorrectionNoted(
    Guid CaseId, string Person, IReadOnlyList<string> Changed, long CaseVersion, string? Relationship, bool? IsMinor,
    string AgeGroup, string? Country, DateTimeOffset OccurredAt);

/// <summary>The name the last issued manifest gave the carrier for a case is no longer the person's name.</summary>
public sealed record ManifestNameCorrected(Guid FlightId, Guid CaseId, long CaseVersion, DateTimeOffset OccurredAt) : IFlightFact;

public static class NoteCorrection
{
    public const string FullName = "fullName";

    /// <summary>
    /// Corrections apply by the case's version: one at or below the version already applied for that person is older
    /// (delivered late) or a repeat, and changes nothing. A corrected name of a traveller the issued manifest named
    /// marks that manifest line as outdated on the flight; the manifest the carrier got is not rewritten.
    /// </summary>
    /// <param name="flights">The flights the file's tracks are booked on.</param>
    public static TravelDecision Decide(ReunificationFile file, IReadOnlyList<Flight> flights, PersonDetailsCorrected correction)
    {
        if (file.CorrectionVersions.GetValueOrDefault(correction.Person) >= correction.CaseVersion) return new([], []);
        var noted = new PersonCorrectionNoted(correction.CaseId, correction.Person, correction.Changed, correction.CaseVersion,
            correction.Relationship, correction.IsMinor, correction.AgeGroup, correction.Country, correction.OccurredAt);
        var nameChanged = correction.Changed.Count == 0 || correction.Changed.Contains(FullName);
        var named = flights.Where(flight => flight.IssuedManifest?.Travellers.Any(l => l.CaseId == file.Id && l.Name is not null) == true
            && flight.Passengers.Any(p => p.Traveller.CaseId == file.Id && p.Traveller.Persons().Contains(correction.Person)));
        return new([noted], nameChanged
            ? named.Select(flight => (object)new ManifestNameCorrected(flight.Id, file.Id, correction.CaseVersion, correction.OccurredAt)).ToList()
            : []);
    }
}
