using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Files.GettingFile;
using CaseFlow.Reunification.Files.Opening;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;

namespace CaseFlow.Reunification;

public static class ReunificationService
{
    public static readonly ServiceIdentity Identity = new("reunification", 5300, 5301, typeof(ReunificationService).Assembly);

    /// <param name="customize">Lets tests and tools replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = CaseFlowHost.CreateBuilder(Identity, args);
        builder.AddEventStore(Identity, opts => opts.Projections.Snapshot<ReunificationFile>(SnapshotLifecycle.Inline));
        builder.AddMessaging(Identity, bus => bus.AddConsumer<OpenFileWhenCaseOpened>());
        builder.Services.AddSingleton<GetReunificationHandler>();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapCaseFlowDefaults();
        app.MapGrpcService<ReunificationApi>().RequireAuthorization();
        return app;
    }
}
