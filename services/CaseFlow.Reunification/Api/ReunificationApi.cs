using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files.GettingFile;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;

namespace CaseFlow.Reunification.Api;

public sealed class ReunificationApi(GetReunificationHandler getReunification) : V1.Reunification.ReunificationBase
{
    public override Task<V1.ReunificationFile> GetReunification(GetReunificationRequest request, ServerCallContext context) =>
        getReunification.Handle(request, Caller.From(context.GetHttpContext().User), context.CancellationToken);
}
