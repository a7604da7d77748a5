using CaseFlow.Correspondence.Files.Opening;

namespace CaseFlow.Correspondence.Files;

/// <summary>The correspondence file of one case: its letters to agencies and their replies.</summary>
public sealed record CorrespondenceFile(Guid Id, string CenterId, DateTimeOffset OpenedAt, int LetterCount)
{
    public long Version { get; set; }

    public static CorrespondenceFile Create(CorrespondenceFileOpened opened) =>
        new(opened.CaseId, opened.CenterId, opened.OccurredAt, 0);
}
