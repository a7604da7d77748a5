using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Files.GettingDetails;
using CaseFlow.Reunification.Files.Opening;
using CaseFlow.Reunification.Files.Transferring;
using CaseFlow.Reunification.Flights.GettingManifest;
using CaseFlow.Reunification.Flights.Scheduling;
using CaseFlow.Reunification.Messaging;
using CaseFlow.Reunification.Plans.RecordingAgencyDecisions;
using CaseFlow.Reunification.Priority.Escalating;
using CaseFlow.Reunification.Reunions.Ending;
using CaseFlow.Reunification.Statistics;
using CaseFlow.Reunification.Travel;
using CaseFlow.Reunification.Travel.RequestingSeats;
using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Reporting;
using JasperFx.Events.Projections;

namespace CaseFlow.Reunification;

public static class ReunificationService
{
    public static readonly ServiceIdentity Identity = new("reunification", typeof(ReunificationService).Assembly);

    /// <param name="customize">Lets tests and tools replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = CaseFlowHost.CreateBuilder(Identity, args);
        builder.AddEventStore(Identity, opts =>
            {
                opts.Projections.Snapshot<ReunificationFile>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Flight>(SnapshotLifecycle.Inline);
                opts.Schema.For<Flight>().Index(f => f.ListPosition).Index(f => f.Number)
                    .Index([f => f.From, f => f.To, f => f.Status]);
                opts.Schema.For<ReunificationFile>().Index([f => f.Stage, f => f.Booking!.From, f => f.Booking!.To]);
                opts.Projections.Add<MonthlyCompletionsProjection>(ProjectionLifecycle.Async);
            },
            publishes: new ReunificationPublishes());
        builder.AddMessaging(Identity, bus =>
        {
            bus.AddConsumer<OpenFileWhenCaseOpened>();
            bus.AddConsumer<OpenReunificationWhenSeparationReported>();
            bus.AddConsumer<RecordDecisionWhenAgencyReplied>();
            bus.AddConsumer<ChangePriorityWhenVulnerabilityChanges>();
            bus.AddConsumer<Reunions.FollowingTheCase.FollowCaseStatus>();
            bus.AddConsumer<MoveFileWhenCaseTransferred>();
            bus.AddConsumer<Files.SharingConsents.NoteSharingConsentWhenRecorded>();
            bus.AddConsumer<Files.Correcting.NoteCorrectionWhenPersonCorrected>();
        });
        AddSlices(builder.Services);
        builder.AddReporting<Statistics.ReportingTables>(Identity);
        builder.AddCaseAudit<ReunificationFile>(file => file.CenterId);
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapCaseFlowDefaults();
        app.MapGrpcService<ReunificationApi>().RequireAuthorization();
        app.MapGrpcService<FlightsApi>().RequireAuthorization();
        app.MapCaseAudit<ReunificationFile>();
        return app;
    }

    private static void AddSlices(IServiceCollection services)
    {
        services.AddSingleton<FileCommands>();
        services.AddSingleton<TravelCommands>();
        services.AddSingleton<FlightCommands>();
        services.AddSingleton<RequestSeatHandler>();
        services.AddSingleton<ScheduleFlightHandler>();
        services.AddSingleton<GetReunificationHandler>();
        services.AddSingleton<GetReunificationStatisticsHandler>();
        services.AddSingleton<FlightQueries>();
        services.AddSingleton<CaseFlow.ServiceDefaults.Privacy.AskingIntake.IntakeCases>();
        services.AddSingleton<Flights.IssuingManifest.IssueManifestHandler>();
    }
}
