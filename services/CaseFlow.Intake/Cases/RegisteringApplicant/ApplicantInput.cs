using ApiApplicant = CaseFlow.Intake.Api.V1.ApplicantDetails;

namespace CaseFlow.Intake.Cases.RegisteringApplicant;

/// <summary>The applicant's details as the API sends them, for registering and for correcting them.</summary>
public static class ApplicantInput
{
    public static readonly string[] Sexes = ["female", "male", "other", "unknown"];
    public static readonly string[] DocumentKinds = ["passport", "id-card", "birth-certificate", "migration-card", "residence-permit", "other"];

    public static ApplicantDetails Applicant(this InputCheck check, ApiApplicant? applicant)
    {
        if (applicant is null)
        {
            check.Add("applicant", "the applicant's details are required");
            return new ApplicantDetails("", null, "unknown", null, null, [], null, null, null);
        }
        var fullName = check.Text(applicant.FullName, "applicant.fullName", "the applicant's full name", PersonName.MaxLength);
        var sex = string.IsNullOrWhiteSpace(applicant.Sex) ? "unknown" : check.OneOf(applicant.Sex, Sexes, "applicant.sex", "sex");
        var documents = applicant.Documents.Select((d, i) => new IdentityDocument(
            check.OneOf(d.Kind, DocumentKinds, $"applicant.documents[{i}].kind", "document kind"),
            check.Text(d.Number, $"applicant.documents[{i}].number", "the document number"),
            check.OptionalText(d.IssuedBy, $"applicant.documents[{i}].issuedBy"))).ToList();
        return new ApplicantDetails(
            fullName,
            check.Date(applicant.BirthDate, "applicant.birthDate"),
            sex,
            check.OptionalText(applicant.Citizenship, "applicant.citizenship"),
            check.OptionalText(applicant.Phone, "applicant.phone"),
            documents,
            check.Place(applicant.CurrentLocation, "applicant.currentLocation"),
            check.Place(applicant.LocationAbroad, "applicant.locationAbroad"),
            check.OptionalText(applicant.MigrationStatus, "applicant.migrationStatus"));
    }

    /// <summary>Birth dates are about the past by nature: never in the future, but long before the case.</summary>
    public static void EnsureBornBefore(ApplicantDetails applicant, DateTimeOffset occurredAt)
    {
        if (applicant.BirthDate is { } born && born > DateOnly.FromDateTime(occurredAt.UtcDateTime))
            throw new InvalidInput("applicant.birthDate", $"{born:yyyy-MM-dd} is after {occurredAt:yyyy-MM-dd}");
    }
}
