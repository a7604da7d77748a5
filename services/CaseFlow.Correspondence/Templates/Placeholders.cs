namespace CaseFlow.Correspondence.Templates;

/// <summary>Every value a letter may use, by its placeholder name. Anything else is an unknown placeholder.</summary>
public static class Placeholders
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["applicant.name"] = "the applicant's full name",
        ["applicant.birth_date"] = "the applicant's birth date",
        ["applicant.citizenship"] = "the applicant's citizenship",
        ["applicant.passport"] = "the applicant's passport number",
        ["applicant.location"] = "where the applicant is now (city, country)",
        ["family_member.name"] = "the family member's full name",
        ["family_member.relationship"] = "how the family member is related to the applicant",
        ["family_member.birth_date"] = "the family member's birth date",
        ["family_member.location"] = "where the family member is now (city, country)",
        ["family_member.caregiver"] = "who looks after the family member now",
        ["center.name"] = "the name of the case's center",
        ["center.province"] = "the province of the case's center",
        ["lawyer.name"] = "the lawyer writing the letter",
        ["agency.name"] = "the agency's name",
        ["agency.address"] = "the agency's address",
        ["agency.country"] = "the agency's country",
        ["case.id"] = "the case number",
        ["case.opened_on"] = "the day the case was opened",
        ["letter.date"] = "the day of the letter",
    };

    /// <summary>Values that come from the case at Intake (the others are known without asking it).</summary>
    public static bool NeedsCase(string placeholder) =>
        placeholder.Split('.')[0] is "applicant" or "family_member" or "center" or "case";

    public static string Describe(string placeholder) =>
        Known.TryGetValue(placeholder, out var what) ? $"{placeholder} ({what})" : placeholder;
}
