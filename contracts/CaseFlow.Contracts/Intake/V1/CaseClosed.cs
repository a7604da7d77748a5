namespace CaseFlow.Contracts.Intake.V1;

/// <summary>The case was closed.</summary>
/// <param name="Outcome">reunified, returned-abroad, resolved-by-advice, referred-out, withdrawn or unreachable.</param>
public sealed record CaseClosed(Guid CaseId, string CenterId, string Outcome, string Summary, DateTimeOffset OccurredAt);

/// <summary>A closed case was reopened.</summary>
public sealed record CaseReopened(Guid CaseId, string CenterId, string Reason, DateTimeOffset OccurredAt);

/// <summary>The case now belongs to another center: other services move their files with it.</summary>
public sealed record CaseTransferred(Guid CaseId, string FromCenterId, string ToCenterId, string Reason, DateTimeOffset OccurredAt);
