using CaseFlow.Admin.Api.V1;
using CaseFlow.Access;
using Grpc.Core;
using Grpc.Net.Client;
using AdminClient = CaseFlow.Admin.Api.V1.Admin.AdminClient;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>R1: a projection rebuilt as an operator would, through the service's admin API, inside the service.</summary>
public static class AdminRebuild
{
    /// <summary>Rebuilds the projection and answers the seconds the service reports it took.</summary>
    public static async Task<double> Run(Uri grpc, string signingKey, string projection)
    {
        using var channel = GrpcChannel.ForAddress(grpc);
        var admin = new AdminClient(channel);
        var auth = new Metadata { { "authorization", $"Bearer {DevelopmentTokens.Issue(signingKey, "bench-supervisor", CallerRoles.Supervisor, null, TimeSpan.FromHours(1))}" } };
        using var call = admin.RebuildProjection(new RebuildProjectionRequest { Name = projection }, auth);
        RebuildProgress? last = null;
        await foreach (var progress in call.ResponseStream.ReadAllAsync()) last = progress;
        return last is { Done: true } done ? done.Seconds : throw new InvalidOperationException($"the rebuild of {projection} did not report done");
    }
}
