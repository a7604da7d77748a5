using CaseFlow.ServiceDefaults.Privacy.Consent;
using SharingConsent = CaseFlow.ServiceDefaults.Privacy.Consent.SharingConsent;

namespace CaseFlow.Intake.Cases.Consenting;

// Consent to share the case's personal data with kinds of agencies: each version a fact of its own, never rewritten.
// Not the guardian's consent to a child's travel, which Reunification records.

/// <param name="Consent">The new version: what it covers and since when.</param>
/// <param name="Note">How it was given (a signed form, a recorded call): about the applicant.</param>
public sealed record ConsentToShareGiven(Guid CaseId, string CenterId, SharingConsent Consent, Sealed<string>? Note, DateTimeOffset OccurredAt);

/// <param name="Consent">The withdrawing version: as before, with WithdrawnAt set.</param>
public sealed record ConsentToShareWithdrawn(Guid CaseId, string CenterId, SharingConsent Consent, Sealed<string>? Reason, DateTimeOffset OccurredAt);

/// <summary>The note a consent was given with, kept beside the consent's versions.</summary>
public sealed record ConsentNote(Guid ConsentId, Sealed<string> Note);
