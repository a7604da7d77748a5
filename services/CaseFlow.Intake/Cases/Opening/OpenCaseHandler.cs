using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Intake.Cases.Opening;

public sealed class OpenCaseHandler(
    EventSessions sessions, IdempotentRequests requests, ReferenceData.ReferenceData reference, TimeProvider clock)
{
    public async Task<OpenCaseResponse> Handle(OpenCaseRequest request, Caller caller, CancellationToken ct)
    {
        var command = OpenCaseRules.Parse(request, reference, Guid.CreateVersion7(), clock.GetUtcNow());
        caller.EnsureCanChange(command.CenterId);

        await using var session = sessions.ForCaller(caller, request.RequestId);
        return await requests.RunOnce(session, "intake.OpenCase", request.RequestId, request, () =>
        {
            session.Events.StartStream<Case>(command.CaseId, OpenCaseRules.Decide(command));
            return Task.FromResult(new OpenCaseResponse { CaseId = command.CaseId.ToString(), Version = 1 });
        }, ct);
    }
}
