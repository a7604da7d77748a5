namespace CaseFlow.Contracts.Intake.V1;

/// <summary>
/// A person's details were corrected at Intake (the applicant's details, or a family member's). Like every Intake
/// message it carries no personal data: who (the data subject), which fields changed, and the non-personal facts as
/// they are now; a service that shows the name or whereabouts asks Intake's API again. <paramref name="CaseVersion"/>
/// orders the corrections of a case: a service keeps the highest it has applied per person, so a correction delivered
/// late, after a newer one, changes nothing, and a redelivered one neither.
/// </summary>
/// <param name="Person">applicant, or member:&lt;memberId&gt;.</param>
/// <param name="SubjectId">The person's data subject id (derived from the case id and <paramref name="Person"/>).</param>
/// <param name="Changed">The fields corrected, by their Intake API names (fullName, birthDate, location, caregiver,
/// phone, documents, relationship, …); empty when Intake did not record which.</param>
/// <param name="CaseVersion">The version of Intake's case stream the correction is at.</param>
/// <param name="Relationship">A member's relationship to the applicant; null for the applicant.</param>
/// <param name="IsMinor">Whether a member is a child at the correction's business time; null for the applicant.</param>
/// <param name="AgeGroup">child, adult or unknown (not the birth date).</param>
/// <param name="Country">The country a member is in now (not personal: reports keep it); null for the applicant or when unknown.</param>
public sealed record PersonDetailsCorrected(
    Guid CaseId,
    string CenterId,
    Guid SubjectId,
    string Person,
    IReadOnlyList<string> Changed,
    long CaseVersion,
    string? Relationship,
    bool? IsMinor,
    string AgeGroup,
    string? Country,
    DateTimeOffset OccurredAt);
