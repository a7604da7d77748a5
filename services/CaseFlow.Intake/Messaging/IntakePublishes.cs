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
    }
}
