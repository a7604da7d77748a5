using CaseFlow.Intake.Cases.Consenting;
using CaseFlow.Intake.Cases.Erasing;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using SharingConsent = CaseFlow.ServiceDefaults.Privacy.Consent.SharingConsent;
using CaseFlow.ServiceDefaults.Messaging;
using V1 = CaseFlow.Contracts.Intake.V1;
using V2 = CaseFlow.Contracts.Intake.V2;

namespace CaseFlow.Intake.Messaging;

/// <summary>
/// The integration events Intake publishes, from which of its domain events. They carry ids and non-personal facts
/// only: the V1 contracts' free-text fields (notes, reasons, summaries) are personal in Intake and go out empty;
/// a service that must show them asks Intake's API.
/// </summary>
public sealed class IntakePublishes : IntegrationEventMap
{
    private const string Withheld = "";

    public IntakePublishes()
    {
        Publish<CaseOpened>(e => new V1.CaseOpened(
            e.StreamId, e.Data.CenterId, e.Data.Category, e.Data.Channel, e.Data.OccurredAt));
        Publish<FamilySeparationReported>(e => new V2.FamilySeparationReported(
            e.StreamId, e.Data.CenterId, e.Data.MemberId, e.Data.Relationship, e.Data.IsMinor, e.Data.AgeGroup, e.Data.Country,
            e.Data.SeparatedSince, e.Data.OccurredAt));
        Publish<VulnerabilityRaised>(e => new V1.VulnerabilityRaised(
            e.StreamId, e.Data.CenterId, e.Data.VulnerabilityId, e.Data.Kind, e.Data.MemberId, Withheld,
            Words.Of(e.Data.PriorityAfter), e.Data.OccurredAt));
        Publish<VulnerabilityCleared>(e => new V1.VulnerabilityCleared(
            e.StreamId, e.Data.CenterId, e.Data.VulnerabilityId, e.Data.Kind, Words.Of(e.Data.PriorityAfter), e.Data.OccurredAt));
        Publish<CaseTransferred>(e => new V1.CaseTransferred(
            e.StreamId, e.Data.FromCenterId, e.Data.ToCenterId, Withheld, e.Data.OccurredAt));
        Publish<CaseClosed>(e => new V1.CaseClosed(
            e.StreamId, e.Data.CenterId, Words.Of(e.Data.Outcome), Withheld, e.Data.OccurredAt, e.Version));
        Publish<CaseReopened>(e => new V1.CaseReopened(e.StreamId, e.Data.CenterId, Withheld, e.Data.OccurredAt, e.Version));
        Publish<ApplicantDetailsCorrected>(e => new V1.PersonDetailsCorrected(
            e.StreamId, e.Data.CenterId ?? "", Subjects.Applicant(e.StreamId), Subjects.ApplicantPerson, e.Data.Changed ?? [], e.Version,
            null, null, e.Data.AgeGroup, null, e.Data.OccurredAt));
        Publish<FamilyMemberUpdated>(e => new V1.PersonDetailsCorrected(
            e.StreamId, e.Data.CenterId ?? "", Subjects.Member(e.StreamId, e.Data.Member.MemberId), Subjects.MemberPrefix + e.Data.Member.MemberId,
            e.Data.Changed ?? [], e.Version, e.Data.Member.Relationship, e.Data.Member.IsMinorOn(DateOnly.FromDateTime(e.Data.OccurredAt.UtcDateTime)),
            e.Data.Member.AgeGroup, e.Data.Member.Country, e.Data.OccurredAt));
        Publish<PersonalDataErased>(e => new V1.PersonalDataErased(
            e.StreamId, e.Data.CenterId, e.Data.SubjectId, e.Data.Person, e.Data.LegalBasis, e.Data.OccurredAt));
        Publish<ConsentToShareGiven>(e => Recorded(e.StreamId, e.Data.CenterId, e.Data.Consent, e.Data.OccurredAt));
        Publish<ConsentToShareWithdrawn>(e => Recorded(e.StreamId, e.Data.CenterId, e.Data.Consent, e.Data.OccurredAt));
    }

    private static V1.ConsentToShareRecorded Recorded(Guid caseId, string centerId, SharingConsent c, DateTimeOffset occurredAt) =>
        new(caseId, centerId, c.ConsentId, c.Version, c.AgencyKinds, c.Purpose, c.GivenAt, c.WithdrawnAt, occurredAt);
}
