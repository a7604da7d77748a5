using CaseFlow.Reunification.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.Reunification.Files.GettingFile;

public sealed class GetReunificationHandler(EventSessions sessions)
{
    public async Task<Api.V1.ReunificationFile> Handle(GetReunificationRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<Files.ReunificationFile>(caseId, ct)
            ?? throw new NotFound($"case {caseId} has no reunification file");
        caller.EnsureCanRead(file.CenterId);
        return new Api.V1.ReunificationFile
        {
            CaseId = file.Id.ToString(),
            Version = file.Version,
            CenterId = file.CenterId,
            OpenedAt = Timestamp.FromDateTimeOffset(file.OpenedAt),
            Stage = StageName(file.Stage),
        };
    }

    private static string StageName(ReunificationStage stage) => stage switch
    {
        ReunificationStage.NoSeparationReported => "no-separation-reported",
        _ => stage.ToString().ToLowerInvariant(),
    };
}
