namespace CaseFlow.Contracts.Intake.V1;

/// <summary>A family member of the applicant is separated from them (e.g. a child left abroad). No longer published: it carries personal data; see V2.</summary>
/// <param name="MemberId">The member's id within the case.</param>
/// <param name="Relationship">The member's relationship to the applicant: son, daughter, mother, …</param>
/// <param name="MemberName">The member's display name, for manifests and letters.</param>
/// <param name="IsMinor">Whether the member is a child (travel then needs consent, documents and an escort).</param>
/// <param name="BirthDate">The member's birth date when known.</param>
/// <param name="Country">Where the member is now: country.</param>
/// <param name="City">Where the member is now: city.</param>
/// <param name="Caregiver">Who looks after the member now, when they are in someone's care.</param>
/// <param name="SeparatedSince">The day the separation began (about the past by nature).</param>
/// <param name="OccurredAt">Business time the separation was reported.</param>
public sealed record FamilySeparationReported(
    Guid CaseId,
    string CenterId,
    string MemberId,
    string Relationship,
    string MemberName,
    bool IsMinor,
    DateOnly? BirthDate,
    string Country,
    string City,
    string? Caregiver,
    DateOnly SeparatedSince,
    DateTimeOffset OccurredAt);
