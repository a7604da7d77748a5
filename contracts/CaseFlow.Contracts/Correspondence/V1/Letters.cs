namespace CaseFlow.Contracts.Correspondence.V1;

/// <summary>A letter went out to an agency; a reply is due by a date.</summary>
/// <param name="Kind">appeal, information-request, official-application or follow-up.</param>
/// <param name="ReplyDueBy">The day by which the agency should have replied.</param>
/// <param name="RegisterNumber">The center's outgoing register number (KS-2020/0042); added in V1, null from older senders.</param>
/// <param name="OutgoingReference">The reference the operator gave the letter; added in V1, null from older senders.</param>
public sealed record LetterSent(
    Guid CaseId,
    string CenterId,
    Guid LetterId,
    string AgencyId,
    string AgencyName,
    string Kind,
    string Subject,
    DateOnly ReplyDueBy,
    DateTimeOffset OccurredAt,
    string? RegisterNumber = null,
    string? OutgoingReference = null);

/// <summary>An agency replied to a letter.</summary>
/// <param name="Decision">granted, refused, information, redirected or none.</param>
/// <param name="Summary">What the reply says, in the operator's words.</param>
public sealed record AgencyReplied(
    Guid CaseId,
    string CenterId,
    Guid LetterId,
    string AgencyId,
    string AgencyName,
    string Decision,
    string Summary,
    DateTimeOffset OccurredAt);

/// <summary>No reply came by the due date. Raised once per letter and due date.</summary>
public sealed record ReplyOverdue(
    Guid CaseId,
    string CenterId,
    Guid LetterId,
    string AgencyId,
    string AgencyName,
    DateOnly ReplyDueBy,
    DateTimeOffset OccurredAt);
