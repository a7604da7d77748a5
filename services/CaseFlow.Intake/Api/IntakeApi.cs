using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using Case = CaseFlow.Intake.Cases.Case;

namespace CaseFlow.Intake.Api;

/// <summary>
/// The gRPC (and JSON) face of Intake. Each call checks its input's shape, then hands the pure decision of
/// its slice to the shared write path; the partial files group the calls by what they are about.
/// </summary>
public sealed partial class IntakeApi(
    OpenCaseHandler openCase, StreamCommands commands, EventSessions sessions,
    ReferenceData.ReferenceData reference, TimeProvider clock) : V1.Intake.IntakeBase
{
    public override Task<OpenCaseResponse> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        openCase.Handle(request, CallerOf(context), context.CancellationToken);

    private DateTimeOffset Now => clock.GetUtcNow();

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    /// <summary>Runs a decision on a case; every command answers with the case id and its new version.</summary>
    private Task<CaseChanged> Change(StreamCommand target, Google.Protobuf.IMessage request, ServerCallContext context,
        Decide<Case> decide) =>
        Change(target, request, context, decide, (state, _, version) => new CaseChanged { CaseId = state.Id.ToString(), Version = (int)version });

    private Task<TResponse> Change<TResponse>(StreamCommand target, Google.Protobuf.IMessage request, ServerCallContext context,
        Decide<Case> decide, Respond<Case, TResponse> respond) where TResponse : Google.Protobuf.IMessage<TResponse>, new() =>
        commands.Run(target, request, CallerOf(context), decide, respond, context.CancellationToken);

    private static (InputCheck Check, StreamCommand Target) Begin(string operation, string caseId, string requestId,
        bool hasExpectedVersion, long expectedVersion)
    {
        var check = new InputCheck();
        return (check, CaseInput.Target(check, $"intake.{operation}", caseId, requestId, hasExpectedVersion, expectedVersion));
    }
}
