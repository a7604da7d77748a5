using CaseFlow.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using ApiApplicant = CaseFlow.Intake.Api.V1.ApplicantDetails;

namespace CaseFlow.Intake.Cases.RegisteringApplicant;

public static class RegisterApplicant
{
    public static readonly string[] Sexes = ["female", "male", "other", "unknown"];
    public static readonly string[] DocumentKinds = ["passport", "id-card", "birth-certificate", "migration-card", "residence-permit", "other"];

    public static ApplicantDetails Parse(InputCheck check, ApiApplicant? applicant)
    {
        if (applicant is null)
        {
            check.Add("applicant", "the applicant's details are required");
            return new ApplicantDetails("", null, "unknown", null, null, [], null, null, null);
        }
        check.Required(applicant.FullName, "applicant.fullName", "the applicant's full name")
            .MaxLength(applicant.FullName, CaseInput.MaxName, "applicant.fullName");
        var sex = string.IsNullOrWhiteSpace(applicant.Sex) ? "unknown" : applicant.Sex.Trim();
        check.That(Sexes.Contains(sex), "applicant.sex", $"unknown sex '{sex}'; use one of: {string.Join(", ", Sexes)}");
        var documents = applicant.Documents.Select((d, i) =>
        {
            check.That(DocumentKinds.Contains(d.Kind), $"applicant.documents[{i}].kind",
                $"unknown document kind '{d.Kind}'; use one of: {string.Join(", ", DocumentKinds)}");
            check.Required(d.Number, $"applicant.documents[{i}].number", "the document number");
            return new IdentityDocument(d.Kind, d.Number.Trim(), CaseInput.Optional(d.IssuedBy));
        }).ToList();
        return new ApplicantDetails(
            applicant.FullName.Trim(),
            CaseInput.Date(check, applicant.BirthDate, "applicant.birthDate"),
            sex,
            CaseInput.Optional(applicant.Citizenship),
            CaseInput.Optional(applicant.Phone),
            documents,
            CaseInput.Place(check, applicant.CurrentLocation, "applicant.currentLocation"),
            CaseInput.Place(check, applicant.LocationAbroad, "applicant.locationAbroad"),
            CaseInput.Optional(applicant.MigrationStatus));
    }

    /// <summary>Birth dates are about the past by nature: never in the future, but long before the case.</summary>
    public static void EnsureBornBefore(ApplicantDetails applicant, DateTimeOffset occurredAt)
    {
        if (applicant.BirthDate is { } born && born > DateOnly.FromDateTime(occurredAt.UtcDateTime))
            throw new InvalidInput("applicant.birthDate", $"{born:yyyy-MM-dd} is after {occurredAt:yyyy-MM-dd}");
    }

    public static IReadOnlyList<object> Decide(Case state, ApplicantDetails applicant, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        EnsureBornBefore(applicant, occurredAt);
        if (state.Applicant is not null)
            throw new RuleViolated("the applicant is already registered; use CorrectApplicantDetails to change the details");
        return [new ApplicantRegistered(state.Id, applicant, occurredAt)];
    }

    public static IReadOnlyList<object> DecideCorrection(Case state, ApplicantDetails applicant, string reason, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        EnsureBornBefore(applicant, occurredAt);
        if (state.Applicant is null)
            throw new RuleViolated("the applicant is not registered yet; use RegisterApplicant first");
        return state.Applicant.Equals(applicant) && state.Applicant.Documents.SequenceEqual(applicant.Documents)
            ? []
            : [new ApplicantDetailsCorrected(state.Id, applicant, reason, occurredAt)];
    }
}
