namespace CaseFlow.Intake.Cases;

// The facts of a case stream, in the order a case usually lives them. Each carries the business time it
// happened (OccurredAt); who recorded it and when are in the event metadata. Events that other services
// hear about also carry the case's center at that moment. Personal values are Sealed under the person they are
// about (Privacy): the stored history holds them encrypted, and erasing the person makes them unreadable.

/// <param name="Sex">Not personal: what dashboards count.</param>
/// <param name="AgeGroup">child, adult or unknown at the case's opening, not the birth date.</param>
public sealed record ApplicantRegistered(Guid CaseId, Sealed<ApplicantDetails> Applicant, string Sex, string AgeGroup, DateTimeOffset OccurredAt);

/// <param name="Changed">The fields corrected (Correcting/WhatChanged), as published; null on corrections recorded before it was kept.</param>
/// <param name="CenterId">The case's center at the correction; null on corrections recorded before it was kept.</param>
public sealed record ApplicantDetailsCorrected(
    Guid CaseId, Sealed<ApplicantDetails> Applicant, string Sex, string AgeGroup, Sealed<string> Reason, DateTimeOffset OccurredAt,
    IReadOnlyList<string>? Changed = null, string? CenterId = null);

public sealed record FamilyMemberRecorded(Guid CaseId, FamilyMember Member, DateTimeOffset OccurredAt);

/// <param name="Changed">The fields updated (Correcting/WhatChanged), as published; null on updates recorded before it was kept.</param>
/// <param name="CenterId">The case's center at the update; null on updates recorded before it was kept.</param>
public sealed record FamilyMemberUpdated(Guid CaseId, FamilyMember Member, DateTimeOffset OccurredAt,
    IReadOnlyList<string>? Changed = null, string? CenterId = null);

/// <param name="Member">The member's name, birth date, location and caregiver as reported.</param>
public sealed record FamilySeparationReported(
    Guid CaseId, string CenterId, string MemberId, string Relationship, bool IsMinor, string AgeGroup, string Country,
    Sealed<MemberDetails> Member, DateOnly SeparatedSince, DateTimeOffset OccurredAt);

public sealed record VulnerabilityRaised(
    Guid CaseId, string CenterId, string VulnerabilityId, string Kind, string? MemberId, Sealed<string> Note,
    CasePriority PriorityAfter, DateTimeOffset OccurredAt);

public sealed record VulnerabilityCleared(
    Guid CaseId, string CenterId, string VulnerabilityId, string Kind, Sealed<string> Note,
    CasePriority PriorityAfter, DateTimeOffset OccurredAt);

public sealed record ConsultationHeld(
    Guid CaseId, string Lawyer, Sealed<string> Topic, Sealed<string> Advice, int DurationMinutes, DateTimeOffset OccurredAt);

public sealed record CaseAssigned(Guid CaseId, string Operator, DateTimeOffset OccurredAt);

public sealed record CaseTransferred(Guid CaseId, string FromCenterId, string ToCenterId, Sealed<string> Reason, DateTimeOffset OccurredAt);

/// <param name="ConsentId">The consent to share the referral rests on, at <paramref name="ConsentVersion"/>.</param>
public sealed record CaseReferred(
    Guid CaseId, string ReferredTo, Sealed<string> Reason, Sealed<string>? ConsentNote, DateTimeOffset OccurredAt,
    Guid? ConsentId = null, int? ConsentVersion = null);

public sealed record CaseClosed(Guid CaseId, string CenterId, CaseOutcome Outcome, Sealed<string> Summary, DateTimeOffset OccurredAt);

public sealed record CaseReopened(Guid CaseId, string CenterId, Sealed<string> Reason, DateTimeOffset OccurredAt);

// What the other services reported, kept in the case's own stream so the operator sees one timeline.

/// <param name="RegisterNumber">The center's register number of the letter (KS-2020/0042), when Correspondence gave one.</param>
/// <param name="OutgoingReference">The reference the operator gave the letter.</param>
public sealed record LetterSentNoted(
    Guid CaseId, Guid LetterId, string AgencyName, string Kind, string? RegisterNumber, string? OutgoingReference, DateOnly ReplyDueBy,
    DateTimeOffset OccurredAt)
{
    /// <summary>What the letter is found by in search.</summary>
    public IEnumerable<string> References() => new[] { RegisterNumber, OutgoingReference }.OfType<string>().Where(r => r.Length > 0);
}

public sealed record AgencyReplyNoted(Guid CaseId, Guid LetterId, string AgencyName, string Decision, string Summary, DateTimeOffset OccurredAt);

public sealed record ReplyOverdueNoted(Guid CaseId, Guid LetterId, string AgencyName, DateOnly ReplyDueBy, DateTimeOffset OccurredAt);

// Reunification's facts name the separated member whose track they are; null on those noted before a case had several.

public sealed record TravelArrangedNoted(Guid CaseId, string FlightNumber, string From, string To, DateOnly FlightDate, DateTimeOffset OccurredAt, string? MemberId = null);

public sealed record TravelDisruptedNoted(
    Guid CaseId, string FlightNumber, string Reason, string? RebookedFlightNumber, bool Waitlisted, DateTimeOffset OccurredAt, string? MemberId = null);

public sealed record ReunionReported(Guid CaseId, string MemberId, string HandedOverTo, int DaysSeparated, DateTimeOffset OccurredAt);

public sealed record ReunificationFailureNoted(Guid CaseId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null);

/// <summary>Reunification was called off (the applicant withdrew): not a failure.</summary>
/// <param name="WithCase">Called off by the case's closure (true) or by choice (false); null when noted before Reunification said.</param>
public sealed record ReunificationCancellationNoted(Guid CaseId, string Reason, DateTimeOffset OccurredAt, string? MemberId = null, bool? WithCase = null);
