using CaseFlow.Correspondence.Api;
using CaseFlow.Correspondence.Files;
using CaseFlow.Correspondence.Files.GettingFile;
using CaseFlow.Correspondence.Files.Opening;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;

namespace CaseFlow.Correspondence;

public static class CorrespondenceService
{
    public static readonly ServiceIdentity Identity = new("correspondence", 5200, 5201, typeof(CorrespondenceService).Assembly);

    /// <param name="customize">Lets tests and tools replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = CaseFlowHost.CreateBuilder(Identity, args);
        builder.AddEventStore(Identity, opts => opts.Projections.Snapshot<CorrespondenceFile>(SnapshotLifecycle.Inline));
        builder.AddMessaging(Identity, bus => bus.AddConsumer<OpenFileWhenCaseOpened>());
        builder.Services.AddSingleton<GetCorrespondenceHandler>();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapCaseFlowDefaults();
        app.MapGrpcService<CorrespondenceApi>().RequireAuthorization();
        return app;
    }
}
