using CaseFlow.ServiceDefaults.Messaging;
using V1 = CaseFlow.Contracts.Reunification.V1;

namespace CaseFlow.Reunification.Messaging;

/// <summary>
/// The integration events Reunification publishes, from which of its domain events. They carry ids and non-personal
/// facts only: the V1 contracts' free-text reasons and the name of whom the traveller was handed over to are personal
/// data (sealed here, asked for through the API), so those fields go out empty.
/// </summary>
public sealed class ReunificationPublishes : IntegrationEventMap
{
    public ReunificationPublishes()
    {
        Publish<ReunificationOpened>(e => new V1.ReunificationOpened(e.StreamId, e.Data.CenterId, e.Data.MemberId,
            e.Data.Relationship, e.Data.Country, City: "", e.Data.SeparatedSince, e.Data.OccurredAt));
        Publish<PlanChosen>(e => new V1.ReunificationPlanChanged(e.StreamId, e.Data.CenterId, null, e.Data.Plan,
            Reason: "", e.Data.OccurredAt, e.Data.MemberId));
        Publish<PlanChanged>(e => new V1.ReunificationPlanChanged(e.StreamId, e.Data.CenterId, e.Data.PreviousPlan,
            e.Data.Plan, Reason: "", e.Data.OccurredAt, e.Data.MemberId));
        Publish<SeatAllocated>(e => new V1.TravelArranged(e.StreamId, e.Data.CenterId, e.Data.FlightId, e.Data.FlightNumber,
            e.Data.From, e.Data.To, e.Data.FlightDate, e.Data.OccurredAt, e.Data.MemberId));
        Publish<TravelDisrupted>(e => new V1.TravelDisrupted(e.StreamId, e.Data.CenterId, e.Data.FlightId,
            e.Data.FlightNumber, e.Data.Reason, e.Data.RebookedFlightId, e.Data.RebookedFlightNumber, e.Data.Waitlisted,
            e.Data.OccurredAt, e.Data.MemberId));
        Publish<Reunited>(e => new V1.ReunificationCompleted(e.StreamId, e.Data.CenterId, e.Data.MemberId, HandedOverTo: "",
            e.Data.SeparatedSince, e.Data.DaysSeparated, e.Data.OccurredAt));
        Publish<ReunificationFailed>(e => new V1.ReunificationFailed(e.StreamId, e.Data.CenterId, Reason: "", e.Data.OccurredAt, e.Data.MemberId));
        Publish<ReunificationCancelled>(e => new V1.ReunificationCancelled(e.StreamId, e.Data.CenterId, Reason: "", e.Data.OccurredAt, e.Data.MemberId,
            e.Data.WithCase));
    }
}
