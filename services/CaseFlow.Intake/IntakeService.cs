using CaseFlow.Intake.Api;
using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.GettingDetails;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.Intake.Messaging;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;

namespace CaseFlow.Intake;

public static class IntakeService
{
    public static readonly ServiceIdentity Identity = new("intake", 5100, 5101, typeof(IntakeService).Assembly);

    /// <param name="customize">Lets tests and tools replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = CaseFlowHost.CreateBuilder(Identity, args);
        builder.AddEventStore(Identity,
            opts => opts.Projections.Snapshot<Case>(SnapshotLifecycle.Inline),
            publishes: new IntakePublishes());
        builder.AddMessaging(Identity);
        builder.Services.AddSingleton(builder.Configuration.GetSection("ReferenceData").Get<ReferenceData.ReferenceData>()
            ?? new ReferenceData.ReferenceData());
        builder.Services.AddSingleton<OpenCaseHandler>();
        builder.Services.AddSingleton<GetCaseHandler>();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapCaseFlowDefaults();
        app.MapGrpcService<IntakeApi>().RequireAuthorization();
        return app;
    }
}
