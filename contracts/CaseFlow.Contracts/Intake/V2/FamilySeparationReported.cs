namespace CaseFlow.Contracts.Intake.V2;

/// <summary>
/// A family member of the applicant is separated from them (e.g. a child left abroad). Unlike V1 it carries no
/// personal data — no name, birth date, city or caregiver: a service that must show them asks Intake's API.
/// </summary>
/// <param name="MemberId">The member's id within the case; with the case id it names the person (their data subject).</param>
/// <param name="Relationship">The member's relationship to the applicant: son, daughter, mother, …</param>
/// <param name="IsMinor">Whether the member is a child (travel then needs consent, documents and an escort).</param>
/// <param name="AgeGroup">child or adult, when reported (not the birth date).</param>
/// <param name="Country">The country the member is in now.</param>
/// <param name="SeparatedSince">The day the separation began.</param>
/// <param name="OccurredAt">Business time the separation was reported.</param>
public sealed record FamilySeparationReported(
    Guid CaseId,
    string CenterId,
    string MemberId,
    string Relationship,
    bool IsMinor,
    string AgeGroup,
    string Country,
    DateOnly SeparatedSince,
    DateTimeOffset OccurredAt);
