namespace CaseFlow.Correspondence.Letters;

public enum LetterStatus
{
    Draft,
    Approved,
    Sent,
    Replied,
    Withdrawn,
}

public sealed record LetterReply(string IncomingReference, string Decision, Sealed<string> Summary, DateTimeOffset ReceivedAt);

/// <summary>The consent version a disclosure rested on, kept with what was disclosed.</summary>
public sealed record ConsentUsed(Guid ConsentId, int Version);

/// <summary>One letter of a correspondence file, as its events left it.</summary>
/// <param name="Subject">Sealed, like the body, under every person the letter speaks of.</param>
/// <param name="AgencyKind">Kept since consents are per kind of agency; null on letters drafted before it was.</param>
public sealed record Letter(
    Guid Id,
    string AgencyId,
    string AgencyName,
    string Kind,
    string Language,
    string? TemplateId,
    Sealed<string> Subject,
    Sealed<string> Body,
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
    Sealed<string>? WithdrawalReason = null,
    string? AgencyKind = null,
    ConsentUsed? Consent = null)
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
