using CaseFlow.Reunification.Flights.Cancelling;
using CaseFlow.Reunification.Flights.ChangingCapacity;
using CaseFlow.Reunification.Flights.Departing;
using CaseFlow.Reunification.Flights.GettingManifest;
using CaseFlow.Reunification.Flights.IssuingManifest;
using CaseFlow.Reunification.Flights.Scheduling;
using Grpc.Core;
using static CaseFlow.Reunification.Api.ReunificationApi;

namespace CaseFlow.Reunification.Api;

/// <summary>The gRPC (and JSON) face of the charter flights: each call is one line onto its slice.</summary>
public sealed class FlightsApi(FlightCommands flights, ScheduleFlightHandler schedule, IssueManifestHandler manifests, FlightQueries queries) : V1.Flights.FlightsBase
{
    public override Task<FlightChanged> ScheduleFlight(ScheduleFlightRequest r, ServerCallContext c) =>
        schedule.Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<FlightChanged> ChangeFlightCapacity(ChangeFlightCapacityRequest r, ServerCallContext c) =>
        flights.Run(r, CallerOf(c), ChangeCapacity.Parse, ChangeCapacity.Decide, c.CancellationToken);

    public override Task<FlightChanged> CancelFlight(CancelFlightRequest r, ServerCallContext c) =>
        flights.Run(r, CallerOf(c), Flights.Cancelling.CancelFlight.Parse, Flights.Cancelling.CancelFlight.Decide, c.CancellationToken,
            movesTravellersOn: Flights.Cancelling.CancelFlight.MovesTravellersOn);

    public override Task<FlightChanged> RecordFlightDeparture(FlightMovementRequest r, ServerCallContext c) =>
        flights.Run(r, CallerOf(c), RecordFlightMovement.ParseDeparture, RecordFlightMovement.DecideDeparture, c.CancellationToken,
            movesTravellersOn: RecordFlightMovement.LeavesWaitlistBehind);

    public override Task<FlightChanged> RecordFlightArrival(FlightMovementRequest r, ServerCallContext c) =>
        flights.Run(r, CallerOf(c), RecordFlightMovement.ParseArrival,
            (flight, _, arrival) => RecordFlightMovement.DecideArrival(flight, arrival), c.CancellationToken);

    public override Task<FlightChanged> IssueManifest(IssueManifestRequest r, ServerCallContext c) =>
        manifests.Handle(r, CallerOf(c), AuthorizationOf(c), c.CancellationToken);

    public override Task<FlightManifest> GetFlightManifest(GetFlightRequest r, ServerCallContext c) =>
        queries.Manifest(r, AuthorizationOf(c), c.CancellationToken);

    public override Task<Waitlist> GetWaitlist(GetWaitlistRequest r, ServerCallContext c) =>
        queries.Waitlist(r, AuthorizationOf(c), c.CancellationToken);

    public override async Task<FlightList> ListFlights(ListFlightsRequest r, ServerCallContext c)
    {
        CallerOf(c);
        return await queries.List(r, c.CancellationToken);
    }
}
