
namespace CaseFlow.Correspondence.Deadlines.Watching;

/// <param name="OccurredAt">The moment the due day ended, even when the watch noticed it later (after downtime).</param>
public sealed record ReplyOverdue(
    Guid CaseId, string CenterId, Guid LetterId, string AgencyId, string AgencyName, DateOnly ReplyDueBy, DateTimeOffset OccurredAt);

public static class ReplyOverdueRules
{
    /// <summary>Once per letter and due date: a new due date (a follow-up) may become overdue again.</summary>
    public static IReadOnlyList<object> Decide(CorrespondenceFile file, Guid letterId, DateTimeOffset now)
    {
        if (file.Closed || !file.Letters.TryGetValue(letterId, out var letter)) return [];
        if (!letter.IsOverdueAt(now) || letter.ReplyDueBy is not { } due || letter.OverdueRaisedFor == due) return [];
        return [new ReplyOverdue(file.Id, file.CenterId, letter.Id, letter.AgencyId, letter.AgencyName, due, Deadline.EndOf(due, letter.ReplyDueEnd))];
    }
}
