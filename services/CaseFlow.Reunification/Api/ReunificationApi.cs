using CaseFlow.Reunification.Files.GettingDetails;
using CaseFlow.Reunification.Statistics;
using CaseFlow.Reunification.Travel;
using CaseFlow.Reunification.Travel.RequestingSeats;
using Grpc.Core;

namespace CaseFlow.Reunification.Api;

/// <summary>The gRPC (and JSON) face of the reunification files: each call is one line onto its slice.</summary>
public sealed class ReunificationApi(
    FileCommands files, TravelCommands travel, RequestSeatHandler seats, GetReunificationHandler details,
    GetReunificationStatisticsHandler statistics) : V1.Reunification.ReunificationBase
{
    public override Task<ReunificationChanged> ChoosePlan(ChoosePlanRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Plans.Choosing.ChoosePlan.Parse, Plans.Choosing.ChoosePlan.Decide, c.CancellationToken);

    public override Task<ReunificationChanged> RecordAgencyDecision(RecordAgencyDecisionRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Plans.RecordingAgencyDecisions.RecordAgencyDecision.Parse,
            Plans.RecordingAgencyDecisions.RecordAgencyDecision.Decide, c.CancellationToken);

    public override Task<ReunificationChanged> RecordTravelConsent(RecordTravelConsentRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Preparation.RecordingTravelConsent.RecordTravelConsent.Parse,
            Preparation.RecordingTravelConsent.RecordTravelConsent.Decide, c.CancellationToken);

    public override Task<ReunificationChanged> RecordDocumentReady(RecordDocumentReadyRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Preparation.RecordingDocuments.RecordDocumentReady.Parse,
            Preparation.RecordingDocuments.RecordDocumentReady.Decide, c.CancellationToken);

    public override Task<ReunificationChanged> AssignEscort(AssignEscortRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Preparation.AssigningEscort.AssignEscort.Parse,
            Preparation.AssigningEscort.AssignEscort.Decide, c.CancellationToken);

    public override Task<SeatRequestAnswer> RequestSeat(RequestSeatRequest r, ServerCallContext c) =>
        seats.Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> ReleaseSeat(ReleaseSeatRequest r, ServerCallContext c) =>
        travel.Run(r, CallerOf(c), Travel.ReleasingSeats.ReleaseSeat.Parse, Travel.ReleasingSeats.ReleaseSeat.Decide, c.CancellationToken);

    public override Task<ReunificationChanged> RecordDeparture(RecordDepartureRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Travel.Departing.RecordOwnTravel.ParseDeparture, Travel.Departing.RecordOwnTravel.DecideDeparture,
            c.CancellationToken);

    public override Task<ReunificationChanged> RecordArrival(RecordArrivalRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Travel.Departing.RecordOwnTravel.ParseArrival, Travel.Departing.RecordOwnTravel.DecideArrival,
            c.CancellationToken);

    public override Task<ReunificationChanged> RecordReunion(RecordReunionRequest r, ServerCallContext c) =>
        files.Run(r, CallerOf(c), Reunions.Completing.RecordReunion.Parse, Reunions.Completing.RecordReunion.Decide, c.CancellationToken);

    public override Task<ReunificationChanged> FailReunification(EndReunificationRequest r, ServerCallContext c) =>
        travel.Run(r, CallerOf(c), Reunions.Ending.EndReunification.ParseFailure, Reunions.Ending.EndReunification.Decide,
            c.CancellationToken);

    public override Task<ReunificationChanged> CancelReunification(EndReunificationRequest r, ServerCallContext c) =>
        travel.Run(r, CallerOf(c), Reunions.Ending.EndReunification.ParseCancellation, Reunions.Ending.EndReunification.Decide,
            c.CancellationToken);

    public override Task<ReunificationDetails> GetReunification(GetReunificationRequest r, ServerCallContext c) =>
        details.Handle(r, CallerOf(c), AuthorizationOf(c), c.CancellationToken);

    public override Task<ReunificationStatistics> GetReunificationStatistics(CaseFlow.Reporting.V1.StatisticsFilter r, ServerCallContext c) =>
        statistics.Handle(r, CallerOf(c), c.CancellationToken);

    internal static Caller CallerOf(ServerCallContext context) => Caller.From(context);

    /// <summary>The caller's own token, passed on to Intake so that it applies (and logs) the caller's own read.</summary>
    internal static string? AuthorizationOf(ServerCallContext context) =>
        context.GetHttpContext().Request.Headers.Authorization.ToString() is { Length: > 0 } value ? value : null;
}
