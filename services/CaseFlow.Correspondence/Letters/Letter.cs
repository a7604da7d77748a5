namespace CaseFlow.Correspondence.Letters;

public enum LetterStatus
{
    Draft,
    Approved,
    Sent,
    Replied,
    Withdrawn,
}

public sealed record LetterReply(string IncomingReference, string Decision, string Summary, DateTimeOffset ReceivedAt);

/// <summary>One letter of a correspondence file, as its events left it.</summary>
public sealed record Letter(
    Guid Id,
    string AgencyId,
    string AgencyName,
    string Kind,
    string Language,
    string? TemplateId,
    string Subject,
    string Body,
    LetterStatus Status,
    DateTimeOffset DraftedAt,
    string? ApprovedBy = null,
    DateTimeOffset? SentAt = null,
    string? Channel = null,
    string? OutgoingReference = null,
    DateOnly? ReplyDueBy = null,
    DateOnly? OverdueRaisedFor = null,
    DateTimeOffset? LastFollowUpAt = null,
    int FollowUpCount = 0,
    LetterReply? Reply = null,
    string? WithdrawalReason = null)
{
    public bool IsApproved => ApprovedBy is not null;

    /// <summary>Sent and still waiting for its reply.</summary>
    public bool IsAwaitingReply => Status == LetterStatus.Sent;

    /// <summary>A reply is late once the whole due day has passed (UTC).</summary>
    public bool IsOverdueAt(DateTimeOffset now) => IsAwaitingReply && ReplyDueBy is { } due && Deadline.HasPassed(due, now);
}

public static class Deadline
{
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static bool HasPassed(DateOnly due, DateTimeOffset now) => now >= EndOf(due);

    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);
}
