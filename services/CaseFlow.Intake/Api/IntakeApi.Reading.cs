using CaseFlow.Intake.Cases.Dashboards;
using CaseFlow.Intake.Cases.Exporting;
using CaseFlow.Intake.Cases.GettingDetails;
using CaseFlow.Intake.Cases.Listing;
using CaseFlow.Intake.Cases.Timeline;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>Reading cases: one, a filtered list, and a case's whole story.</summary>
public sealed partial class IntakeApi
{
    public override Task<CaseDetails> GetCase(GetCaseRequest request, ServerCallContext context) =>
        Read(context, (session, caller, ct) => CaseDetailsView.Read(session, request, caller, reference, ct));

    public override Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context) =>
        Read(context, (session, caller, ct) => CaseListQuery.Run(session, index, request, caller, ct));

    public override Task<SearchCasesResponse> SearchCases(SearchCasesRequest request, ServerCallContext context) =>
        Read(context, (session, caller, ct) => Cases.Searching.SearchCases.Run(session, index, request, caller, ct));

    public override async Task ExportCases(ExportCasesRequest request, IServerStreamWriter<CaseExportRow> responseStream, ServerCallContext context)
    {
        await using var session = sessions.Query();
        await Cases.Exporting.ExportCases.Run(session, reference, request, CallerOf(context), responseStream, context);
    }

    public override Task<CaseTimeline> GetCaseTimeline(GetCaseTimelineRequest request, ServerCallContext context) =>
        Read(context, (session, caller, ct) => CaseTimelineView.Read(session, request, caller, ct));

    public override Task<CaseloadStatistics> GetCaseloadStatistics(CaseFlow.Reporting.V1.StatisticsFilter request, ServerCallContext context) =>
        statistics.Handle(request, CallerOf(context), context.CancellationToken);
}
