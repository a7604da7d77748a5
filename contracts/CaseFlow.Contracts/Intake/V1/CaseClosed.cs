namespace CaseFlow.Contracts.Intake.V1;

/// <summary>The case was closed.</summary>
/// <param name="Outcome">reunified, returned-abroad, resolved-by-advice, referred-out, withdrawn or unreachable.</param>
/// <param name="CaseVersion">The version of Intake's case stream the closure is at: closures and reopenings of a case
/// apply in this order, whatever order they arrive in. Added in V1; null from older publishers.</param>
public sealed record CaseClosed(Guid CaseId, string CenterId, string Outcome, string Summary, DateTimeOffset OccurredAt,
    long? CaseVersion = null);

/// <summary>A closed case was reopened.</summary>
/// <param name="CaseVersion">As <see cref="CaseClosed.CaseVersion"/>.</param>
public sealed record CaseReopened(Guid CaseId, string CenterId, string Reason, DateTimeOffset OccurredAt, long? CaseVersion = null);

/// <summary>The case now belongs to another center: other services move their files with it.</summary>
public sealed record CaseTransferred(Guid CaseId, string FromCenterId, string ToCenterId, string Reason, DateTimeOffset OccurredAt);
