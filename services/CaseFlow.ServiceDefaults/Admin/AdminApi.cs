using System.Diagnostics;
using CaseFlow.Admin.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Hosting;
using Grpc.Core;
using Marten;

namespace CaseFlow.ServiceDefaults.Admin;

/// <summary>
/// Lists a service's projections and rebuilds one from the events, streaming its progress. For supervisors: admin.proto
/// declares it, the call gate enforces it.
/// </summary>
public sealed class AdminApi(IDocumentStore store, ServiceIdentity service) : CaseFlow.Admin.Api.V1.Admin.AdminBase
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public override Task<ProjectionList> ListProjections(ListProjectionsRequest request, ServerCallContext context)
    {
        var list = new ProjectionList { Service = service.Name };
        list.Projections.AddRange(store.Options.Events.Projections().Select(p => new Projection
        {
            Name = p.Name, Lifecycle = p.Lifecycle.ToString().ToLowerInvariant(),
        }));
        return Task.FromResult(list);
    }

    public override async Task RebuildProjection(RebuildProjectionRequest request, IServerStreamWriter<RebuildProgress> progress,
        ServerCallContext context)
    {
        var names = store.Options.Events.Projections().Select(p => p.Name).ToList();
        if (!names.Contains(request.Name))
            throw new InvalidInput("name", $"unknown projection '{request.Name}'; known: {string.Join(", ", names)}");

        var clock = Stopwatch.StartNew();
        var total = (await store.Advanced.FetchEventStoreStatistics(token: context.CancellationToken)).EventSequenceNumber;
        using var daemon = await store.BuildProjectionDaemonAsync();
        var rebuild = daemon.RebuildProjectionAsync(request.Name, context.CancellationToken);
        while (await Task.WhenAny(rebuild, Task.Delay(ProgressInterval, context.CancellationToken)) != rebuild)
            await progress.WriteAsync(new RebuildProgress { Name = request.Name, Processed = await Processed(request.Name), Total = total, Seconds = clock.Elapsed.TotalSeconds });
        await rebuild;
        await progress.WriteAsync(new RebuildProgress { Name = request.Name, Processed = total, Total = total, Done = true, Seconds = clock.Elapsed.TotalSeconds });
    }

    private async Task<long> Processed(string projection)
    {
        var shards = await store.Advanced.AllProjectionProgress();
        return shards.Where(s => s.ShardName.StartsWith(projection, StringComparison.Ordinal)).Select(s => s.Sequence).DefaultIfEmpty(0).Max();
    }
}
