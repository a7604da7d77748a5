using CaseFlow.Reunification.Files.Opening;

namespace CaseFlow.Reunification.Files;

/// <summary>The reunification file of one case: from a reported separation to the reunion.</summary>
public sealed record ReunificationFile(Guid Id, string CenterId, DateTimeOffset OpenedAt, ReunificationStage Stage)
{
    public long Version { get; set; }

    public static ReunificationFile Create(CaseFileOpened opened) =>
        new(opened.CaseId, opened.CenterId, opened.OccurredAt, ReunificationStage.NoSeparationReported);
}

public enum ReunificationStage
{
    NoSeparationReported,
}
