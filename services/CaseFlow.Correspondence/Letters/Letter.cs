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
/// <param name="CorrectedSinceDraft">What Intake corrected since the text was written ("applicant.fullName"); cleared by a revision.</param>
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
    ConsentUsed? Consent = null,
    DateTimeOffset? ReplyDueEnd = null,
    string? RegisterNumber = null,
    IReadOnlyList<string>? CorrectedSinceDraft = null)
{
    public bool IsApproved => ApprovedBy is not null;

    /// <summary>Sent and still waiting for its reply.</summary>
    public bool IsAwaitingReply => Status == LetterStatus.Sent;

    /// <summary>A reply is late once the whole due day has passed at the center.</summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        IsAwaitingReply && ReplyDueBy is { } due && now >= Deadline.EndOf(due, ReplyDueEnd);
}

public static class Deadline
{
    /// <summary>
    /// When a due day ends: the center's midnight, decided with the center's calendar and kept in the event; a letter
    /// sent before the calendar existed keeps the UTC midnight it was decided with, so replays answer as they did.
    /// </summary>
    public static DateTimeOffset EndOf(DateOnly day, DateTimeOffset? decidedEnd) => decidedEnd ?? EndOfUtc(day);

    public static DateTimeOffset EndOfUtc(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
