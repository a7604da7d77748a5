using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Flights.Cancelling;
using CaseFlow.Reunification.Flights.ChangingCapacity;
using CaseFlow.Reunification.Flights.Departing;
using CaseFlow.Reunification.Flights.GettingManifest;
using CaseFlow.Reunification.Flights.Scheduling;
using Grpc.Core;
using static CaseFlow.Reunification.Api.ReunificationApi;

namespace CaseFlow.Reunification.Api;

/// <summary>The gRPC (and JSON) face of the charter flights.</summary>
public sealed class FlightsApi(
    ScheduleFlightHandler schedule, ChangeFlightCapacityHandler capacity, CancelFlightHandler cancel,
    RecordFlightMovementHandler movement, FlightQueries queries) : V1.Flights.FlightsBase
{
    public override Task<FlightChanged> ScheduleFlight(ScheduleFlightRequest r, ServerCallContext c) =>
        schedule.Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<FlightChanged> ChangeFlightCapacity(ChangeFlightCapacityRequest r, ServerCallContext c) =>
        capacity.Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<FlightChanged> CancelFlight(CancelFlightRequest r, ServerCallContext c) =>
        cancel.Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<FlightChanged> RecordFlightDeparture(FlightMovementRequest r, ServerCallContext c) =>
        movement.Depart(r, CallerOf(c), c.CancellationToken);

    public override Task<FlightChanged> RecordFlightArrival(FlightMovementRequest r, ServerCallContext c) =>
        movement.Arrive(r, CallerOf(c), c.CancellationToken);

    public override Task<FlightManifest> GetFlightManifest(GetFlightRequest r, ServerCallContext c) =>
        queries.Manifest(r, CallerOf(c), c.CancellationToken);

    public override Task<Waitlist> GetWaitlist(GetWaitlistRequest r, ServerCallContext c) =>
        queries.Waitlist(r, CallerOf(c), c.CancellationToken);

    public override async Task<FlightList> ListFlights(ListFlightsRequest r, ServerCallContext c)
    {
        CallerOf(c);
        return await queries.List(r, c.CancellationToken);
    }
}
