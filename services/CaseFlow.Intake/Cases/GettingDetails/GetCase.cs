using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.Intake.Cases.GettingDetails;

public sealed class GetCaseHandler(EventSessions sessions)
{
    public async Task<CaseDetails> Handle(GetCaseRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var found = await session.LoadAsync<Case>(caseId, ct) ?? throw new NotFound($"case {caseId} does not exist");
        caller.EnsureCanRead(found.CenterId);
        return new CaseDetails
        {
            CaseId = found.Id.ToString(),
            Version = found.Version,
            CenterId = found.CenterId,
            Category = found.Category,
            Channel = found.Channel,
            ApplicantName = found.ApplicantName,
            Status = found.Status.ToString().ToLowerInvariant(),
            OpenedAt = Timestamp.FromDateTimeOffset(found.OpenedAt),
        };
    }
}
