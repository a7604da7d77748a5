using CaseFlow.Intake.Cases.Opening;

namespace CaseFlow.Intake.Cases;

/// <summary>The state of a case, folded from its stream (kept inline as a snapshot).</summary>
public sealed record Case(
    Guid Id,
    string CenterId,
    string Category,
    string Channel,
    string ApplicantName,
    CaseStatus Status,
    DateTimeOffset OpenedAt)
{
    public long Version { get; set; }

    public static Case Create(CaseOpened opened) => new(
        opened.CaseId, opened.CenterId, opened.Category, opened.Channel, opened.ApplicantName,
        CaseStatus.Open, opened.OccurredAt);
}

public enum CaseStatus
{
    Open,
    Closed,
}
