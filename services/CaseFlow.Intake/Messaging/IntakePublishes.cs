using CaseFlow.Intake.Cases.Opening;
using CaseFlow.ServiceDefaults.Messaging;
using V1 = CaseFlow.Contracts.Intake.V1;

namespace CaseFlow.Intake.Messaging;

/// <summary>The integration events Intake publishes, from which of its domain events.</summary>
public sealed class IntakePublishes : IntegrationEventMap
{
    public IntakePublishes()
    {
        Publish<CaseOpened>(e => new V1.CaseOpened(
            e.StreamId, e.Data.CenterId, e.Data.Category, e.Data.Channel, e.Data.OccurredAt));
        Publish<FamilySeparationReported>(e => new V1.FamilySeparationReported(
            e.StreamId, e.Data.CenterId, e.Data.MemberId, e.Data.Relationship, e.Data.MemberName, e.Data.IsMinor,
            e.Data.BirthDate, e.Data.Location.Country, e.Data.Location.City, e.Data.Caregiver, e.Data.SeparatedSince,
            e.Data.OccurredAt));
        Publish<VulnerabilityRaised>(e => new V1.VulnerabilityRaised(
            e.StreamId, e.Data.CenterId, e.Data.VulnerabilityId, e.Data.Kind, e.Data.MemberId, e.Data.Note,
            Words.Of(e.Data.PriorityAfter), e.Data.OccurredAt));
        Publish<VulnerabilityCleared>(e => new V1.VulnerabilityCleared(
            e.StreamId, e.Data.CenterId, e.Data.VulnerabilityId, e.Data.Kind, Words.Of(e.Data.PriorityAfter), e.Data.OccurredAt));
        Publish<CaseTransferred>(e => new V1.CaseTransferred(
            e.StreamId, e.Data.FromCenterId, e.Data.ToCenterId, e.Data.Reason, e.Data.OccurredAt));
        Publish<CaseClosed>(e => new V1.CaseClosed(
            e.StreamId, e.Data.CenterId, Words.Of(e.Data.Outcome), e.Data.Summary, e.Data.OccurredAt));
        Publish<CaseReopened>(e => new V1.CaseReopened(e.StreamId, e.Data.CenterId, e.Data.Reason, e.Data.OccurredAt));
    }
}
