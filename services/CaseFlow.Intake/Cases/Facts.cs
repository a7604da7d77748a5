namespace CaseFlow.Intake.Cases;

/// <summary>A place: where someone lives, is stranded, or waits.</summary>
public sealed record Place(string Country, string City);

public sealed record IdentityDocument(string Kind, string Number, string? IssuedBy);

/// <summary>Who the applicant is. Personal data: sealed under the applicant, never in dashboards.</summary>
public sealed record ApplicantDetails(
    string FullName,
    DateOnly? BirthDate,
    string Sex,
    string? Citizenship,
    string? Phone,
    IReadOnlyList<IdentityDocument> Documents,
    Place? CurrentLocation,
    Place? LocationAbroad,
    string? MigrationStatus)
{
    /// <summary>Record equality compares the document lists by reference; a correction compares them item by item.</summary>
    public bool SameAs(ApplicantDetails other) =>
        this with { Documents = other.Documents } == other && Documents.SequenceEqual(other.Documents);
}

/// <summary>What is personal about a family member: sealed under the member.</summary>
public sealed record MemberDetails(string FullName, DateOnly? BirthDate, Place? Location, string? Caregiver);

/// <summary>
/// A relative of the applicant, identified within the case by a client-chosen member id. The relationship, the age,
/// the age group and the country are facts reports keep after the member's personal data is erased.
/// </summary>
public sealed record FamilyMember(
    string MemberId,
    string Relationship,
    Sealed<MemberDetails> Details,
    int? AgeYears,
    string AgeGroup,
    string? Country,
    bool Separated)
{
    public bool IsMinorOn(DateOnly day) => Details.Value?.BirthDate is { } born
        ? born.AddYears(AgeGroups.AdultAge) > day
        : AgeYears is { } age ? age < AgeGroups.AdultAge : AgeGroup == AgeGroups.Child;
}

public sealed record OpenVulnerability(string VulnerabilityId, string Kind, string? MemberId, Sealed<string> Note, DateTimeOffset RaisedAt);

public sealed record Referral(string ReferredTo, Sealed<string> Reason, DateTimeOffset ReferredAt, Guid? ConsentId = null, int? ConsentVersion = null);
