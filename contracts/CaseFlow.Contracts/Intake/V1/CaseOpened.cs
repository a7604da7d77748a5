namespace CaseFlow.Contracts.Intake.V1;

/// <summary>
/// A center opened a new case. Other services open their own per-case files from it.
/// </summary>
/// <param name="CaseId">The case id, also the id of every per-case stream in all services.</param>
/// <param name="CenterId">The center that owns the case (reference data id, e.g. "kara-suu").</param>
/// <param name="Category">The case category (reference data id, e.g. "family-separation").</param>
/// <param name="Channel">How the applicant reached the center: walk-in, phone or referral.</param>
/// <param name="OpenedAt">Business time the case was opened, as given by the operator.</param>
public sealed record CaseOpened(
    Guid CaseId,
    string CenterId,
    string Category,
    string Channel,
    DateTimeOffset OpenedAt);
