using System.Globalization;
using CaseFlow.Correspondence.Agencies;
using CaseFlow.Intake.Api.V1;

namespace CaseFlow.Correspondence.CaseData;

/// <summary>The values a letter's placeholders take, from the case at Intake, the agency and the writer; null where unknown.</summary>
public static class LetterValues
{
    public static Dictionary<string, string?> From(CaseDetails? details, Agency agency, string lawyer, string? familyMemberId,
        DateTimeOffset letterDate, string language)
    {
        var values = new Dictionary<string, string?>
        {
            ["lawyer.name"] = lawyer,
            ["agency.name"] = agency.Name,
            ["agency.address"] = agency.Address,
            ["agency.country"] = agency.Country,
            ["letter.date"] = Day(DateOnly.FromDateTime(letterDate.UtcDateTime), language),
        };
        if (details is null) return values;

        var applicant = details.Applicant;
        values["applicant.name"] = Value(applicant?.FullName) ?? Value(details.ApplicantName);
        values["applicant.birth_date"] = Day(applicant?.BirthDate, language);
        values["applicant.citizenship"] = Value(applicant?.Citizenship);
        values["applicant.passport"] = Value(applicant?.Documents.FirstOrDefault(d => d.Kind == "passport")?.Number);
        values["applicant.location"] = Place(applicant?.CurrentLocation);
        values["center.name"] = Value(details.CenterName);
        values["center.province"] = Value(details.Province);
        values["case.id"] = details.CaseId;
        values["case.opened_on"] = details.OpenedAt is null ? null : Day(DateOnly.FromDateTime(details.OpenedAt.ToDateTime()), language);

        var member = FamilyMember(details, familyMemberId);
        values["family_member.name"] = Value(member?.FullName);
        values["family_member.relationship"] = Value(member?.Relationship);
        values["family_member.birth_date"] = Day(member?.BirthDate, language);
        values["family_member.location"] = Place(member?.Location);
        values["family_member.caregiver"] = Value(member?.Caregiver);
        return values;
    }

    /// <summary>The member named in the request, else the only separated one, else the only one.</summary>
    public static FamilyMember? FamilyMember(CaseDetails details, string? familyMemberId)
    {
        if (familyMemberId is not null)
            return details.Family.FirstOrDefault(m => m.MemberId == familyMemberId)
                ?? throw new InvalidInput("familyMemberId", $"the case has no family member '{familyMemberId}'");
        var separated = details.Family.Where(m => m.Separated).ToList();
        if (separated.Count == 1) return separated[0];
        return details.Family.Count == 1 ? details.Family[0] : null;
    }

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Place(Place? place) =>
        place is null ? null : Value(string.Join(", ", new[] { place.City, place.Country }.Where(p => !string.IsNullOrWhiteSpace(p))));

    private static string? Day(string? isoDay, string language) =>
        DateOnly.TryParseExact(isoDay, "yyyy-MM-dd", out var day) ? Day(day, language) : null;

    private static string Day(DateOnly day, string language) => language == "en"
        ? day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
