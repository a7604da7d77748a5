using CaseFlow.Intake.Api;
using CaseFlow.Intake.Cases.Dashboards;
using CaseFlow.Intake.Cases.NotingOtherServices;
using CaseFlow.Intake.Cases.Searching;
using CaseFlow.Intake.Messaging;
using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Reporting;
using JasperFx.Events.Projections;

namespace CaseFlow.Intake;

public static class IntakeService
{
    public static readonly ServiceIdentity Identity = new("intake", typeof(IntakeService).Assembly);

    /// <param name="customize">Lets tests and tools replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = CaseFlowHost.CreateBuilder(Identity, args);
        // The same key as the store's own BlindIndex (both from PersonalData:IndexKey): the projection needs it at registration.
        var searchIndex = new CaseSearchIndex(BlindIndex.FromConfiguration(builder.Configuration));
        builder.AddEventStore(Identity, opts => RegisterProjections(opts, searchIndex), publishes: new IntakePublishes());
        builder.AddMessaging(Identity, bus => bus.AddConsumer<NoteOnCaseTimeline>());
        builder.Services.AddSingleton(builder.Configuration.GetSection("ReferenceData").Get<ReferenceData.ReferenceData>()
            ?? new ReferenceData.ReferenceData());
        builder.AddReporting<ReportingTables>(Identity);
        builder.Services.AddSingleton<GetCaseloadStatisticsHandler>();
        builder.AddCaseAudit<Case>(state => state.CenterId);
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapCaseFlowDefaults();
        app.MapGrpcService<IntakeApi>().RequireAuthorization();
        app.MapCaseAudit<Case>();
        return app;
    }

    private static void RegisterProjections(StoreOptions opts, CaseSearchIndex searchIndex)
    {
        // The case snapshot serves GetCase and ListCases. Indexed only where an index pays for itself: the center
        // (every operator's list), the list order (keyset pages) and the operator. Status, priority and category
        // have a handful of values and name search is a substring match: indexes there cost every write (and a
        // rebuild three times over, measured) and speed no query.
        opts.Projections.Snapshot<Case>(SnapshotLifecycle.Inline);
        opts.Schema.For<Case>()
            .Index(c => c.CenterId)
            .Index(c => c.ListPosition)
            .Index(c => c.AssignedOperator!);
        // Search and the duplicate warning: keyed terms per person and letter, never the values themselves.
        opts.Projections.Add(searchIndex, ProjectionLifecycle.Inline);
        opts.Schema.For<SearchEntry>().Index(e => e.Twin!).Index(e => e.CaseId).GinIndexJsonData();
    }
}
