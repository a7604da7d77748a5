namespace CaseFlow.Intake.Cases.Correcting;

/// <summary>
/// The fields a correction changed, by their API names: what the published correction names (never the values), so
/// each service knows what to show anew without being given the personal data.
/// </summary>
public static class WhatChanged
{
    public static IReadOnlyList<string> Between(ApplicantDetails before, ApplicantDetails after) => Names(
        ("fullName", before.FullName != after.FullName),
        ("birthDate", before.BirthDate != after.BirthDate),
        ("sex", before.Sex != after.Sex),
        ("citizenship", before.Citizenship != after.Citizenship),
        ("phone", before.Phone != after.Phone),
        ("documents", !before.Documents.SequenceEqual(after.Documents)),
        ("currentLocation", before.CurrentLocation != after.CurrentLocation),
        ("locationAbroad", before.LocationAbroad != after.LocationAbroad),
        ("migrationStatus", before.MigrationStatus != after.MigrationStatus));

    /// <summary>An erased member's details read as nothing: every personal field then counts as changed.</summary>
    public static IReadOnlyList<string> Between(FamilyMember before, FamilyMember after)
    {
        var (was, now) = (before.Details.Value, after.Details.Value);
        return Names(
            ("relationship", before.Relationship != after.Relationship),
            ("fullName", was?.FullName != now?.FullName),
            ("birthDate", was?.BirthDate != now?.BirthDate),
            ("ageYears", before.AgeYears != after.AgeYears),
            ("location", was?.Location != now?.Location),
            ("caregiver", was?.Caregiver != now?.Caregiver));
    }

    private static IReadOnlyList<string> Names(params (string Name, bool Changed)[] fields) =>
        [.. fields.Where(f => f.Changed).Select(f => f.Name)];
}
