using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files.GettingFile;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;

namespace CaseFlow.Correspondence.Api;

public sealed class CorrespondenceApi(GetCorrespondenceHandler getCorrespondence) : V1.Correspondence.CorrespondenceBase
{
    public override Task<V1.CorrespondenceFile> GetCorrespondence(GetCorrespondenceRequest request, ServerCallContext context) =>
        getCorrespondence.Handle(request, Caller.From(context.GetHttpContext().User), context.CancellationToken);
}
