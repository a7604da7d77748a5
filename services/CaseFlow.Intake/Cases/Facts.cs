namespace CaseFlow.Intake.Cases;

/// <summary>A place: where someone lives, is stranded, or waits.</summary>
public sealed record Place(string Country, string City);

public sealed record IdentityDocument(string Kind, string Number, string? IssuedBy);

/// <summary>Who the applicant is. Personal data: never in dashboards.</summary>
public sealed record ApplicantDetails(
    string FullName,
    DateOnly? BirthDate,
    string Sex,
    string? Citizenship,
    string? Phone,
    IReadOnlyList<IdentityDocument> Documents,
    Place? CurrentLocation,
    Place? LocationAbroad,
    string? MigrationStatus);

/// <summary>A relative of the applicant, identified within the case by a client-chosen member id.</summary>
public sealed record FamilyMember(
    string MemberId,
    string Relationship,
    string FullName,
    DateOnly? BirthDate,
    int? AgeYears,
    Place? Location,
    string? Caregiver,
    bool Separated)
{
    public const int AdultAge = 18;

    public bool IsMinorOn(DateOnly day) => BirthDate is { } born
        ? born.AddYears(AdultAge) > day
        : AgeYears is < AdultAge;
}

public sealed record OpenVulnerability(string VulnerabilityId, string Kind, string? MemberId, string Note, DateTimeOffset RaisedAt);

public sealed record Referral(string ReferredTo, string Reason, DateTimeOffset ReferredAt);
