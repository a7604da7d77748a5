using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files.GettingDetails;
using CaseFlow.Reunification.Plans.Choosing;
using CaseFlow.Reunification.Plans.RecordingAgencyDecisions;
using CaseFlow.Reunification.Preparation.AssigningEscort;
using CaseFlow.Reunification.Preparation.RecordingConsent;
using CaseFlow.Reunification.Preparation.RecordingDocuments;
using CaseFlow.Reunification.Reunions.Completing;
using CaseFlow.Reunification.Reunions.Ending;
using CaseFlow.Reunification.Statistics;
using CaseFlow.Reunification.Travel.Departing;
using CaseFlow.Reunification.Travel.ReleasingSeats;
using CaseFlow.Reunification.Travel.RequestingSeats;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Reunification.Api;

/// <summary>The gRPC (and JSON) face of the reunification files: each call hands over to its slice.</summary>
public sealed class ReunificationApi(IServiceProvider slices) : V1.Reunification.ReunificationBase
{
    public override Task<ReunificationChanged> ChoosePlan(ChoosePlanRequest r, ServerCallContext c) =>
        Slice<ChoosePlanHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> RecordAgencyDecision(RecordAgencyDecisionRequest r, ServerCallContext c) =>
        Slice<RecordAgencyDecisionHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> RecordConsent(RecordConsentRequest r, ServerCallContext c) =>
        Slice<RecordConsentHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> RecordDocumentReady(RecordDocumentReadyRequest r, ServerCallContext c) =>
        Slice<RecordDocumentReadyHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> AssignEscort(AssignEscortRequest r, ServerCallContext c) =>
        Slice<AssignEscortHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<SeatRequestAnswer> RequestSeat(RequestSeatRequest r, ServerCallContext c) =>
        Slice<RequestSeatHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> ReleaseSeat(ReleaseSeatRequest r, ServerCallContext c) =>
        Slice<ReleaseSeatHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> RecordDeparture(RecordDepartureRequest r, ServerCallContext c) =>
        Slice<RecordOwnTravelHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> RecordArrival(RecordArrivalRequest r, ServerCallContext c) =>
        Slice<RecordOwnTravelHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> RecordReunion(RecordReunionRequest r, ServerCallContext c) =>
        Slice<RecordReunionHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> FailReunification(EndReunificationRequest r, ServerCallContext c) =>
        Slice<EndReunificationHandler>().Handle(r, failed: true, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationChanged> CancelReunification(EndReunificationRequest r, ServerCallContext c) =>
        Slice<EndReunificationHandler>().Handle(r, failed: false, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationDetails> GetReunification(GetReunificationRequest r, ServerCallContext c) =>
        Slice<GetReunificationHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    public override Task<ReunificationStatistics> GetReunificationStatistics(GetReunificationStatisticsRequest r, ServerCallContext c) =>
        Slice<GetReunificationStatisticsHandler>().Handle(r, CallerOf(c), c.CancellationToken);

    private T Slice<T>() where T : notnull => slices.GetRequiredService<T>();

    internal static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
