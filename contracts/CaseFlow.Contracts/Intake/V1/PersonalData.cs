namespace CaseFlow.Contracts.Intake.V1;

/// <summary>
/// A person's personal data was erased (right to erasure): every service erases that person's key, and with it every
/// value it holds sealed under it. Handled exactly once, like every message.
/// </summary>
/// <param name="SubjectId">The person's data subject id (derived from the case id and <paramref name="Person"/>).</param>
/// <param name="Person">applicant, escort, or member:&lt;memberId&gt;.</param>
/// <param name="LegalBasis">The ground the supervisor gave (e.g. "GDPR art. 17(1)(a)", "Law on personal data art. 12").</param>
public sealed record PersonalDataErased(
    Guid CaseId, string CenterId, Guid SubjectId, string Person, string LegalBasis, DateTimeOffset OccurredAt);

/// <summary>
/// One version of a consent to share the case's personal data: what kinds of agencies may receive it and what for,
/// given at a business time and perhaps withdrawn. Each change is a new version of the same consent id; a service keeps
/// the highest version it has heard of, so redelivered or reordered messages change nothing.
/// </summary>
/// <param name="AgencyKinds">consulate, embassy, ministry, migration-service, carrier, service-provider, other.</param>
/// <param name="Purpose">What the data may be used for, as agreed (e.g. "return of the child").</param>
public sealed record ConsentToShareRecorded(
    Guid CaseId, string CenterId, Guid ConsentId, int Version, IReadOnlyList<string> AgencyKinds, string Purpose,
    DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, DateTimeOffset OccurredAt);
