using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases.GettingDetails;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>The gRPC (and JSON) face of Intake: each call hands over to its slice.</summary>
public sealed class IntakeApi(OpenCaseHandler openCase, GetCaseHandler getCase) : V1.Intake.IntakeBase
{
    public override Task<OpenCaseResponse> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        openCase.Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<CaseDetails> GetCase(GetCaseRequest request, ServerCallContext context) =>
        getCase.Handle(request, CallerOf(context), context.CancellationToken);

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
