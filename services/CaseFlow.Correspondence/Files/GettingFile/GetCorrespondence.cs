using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.Correspondence.Files.GettingFile;

public sealed class GetCorrespondenceHandler(EventSessions sessions)
{
    public async Task<Api.V1.CorrespondenceFile> Handle(GetCorrespondenceRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<Files.CorrespondenceFile>(caseId, ct)
            ?? throw new NotFound($"case {caseId} has no correspondence file");
        caller.EnsureCanRead(file.CenterId);
        return new Api.V1.CorrespondenceFile
        {
            CaseId = file.Id.ToString(),
            Version = file.Version,
            CenterId = file.CenterId,
            OpenedAt = Timestamp.FromDateTimeOffset(file.OpenedAt),
            LetterCount = file.LetterCount,
        };
    }
}
