using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.Api;
using CaseFlow.Correspondence.Deadlines.Outstanding;
using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Files.Moving;
using CaseFlow.Correspondence.Files.NotingConsent;
using CaseFlow.Correspondence.Files.Opening;
using CaseFlow.Correspondence.Messaging;
using CaseFlow.Correspondence.Replies.ResponseTimes;
using CaseFlow.Correspondence.Templates;
using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Calendar;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Reporting;
using JasperFx.Events.Projections;

namespace CaseFlow.Correspondence;

public static class CorrespondenceService
{
    public static readonly ServiceIdentity Identity = new("correspondence", typeof(CorrespondenceService).Assembly);

    /// <param name="customize">Lets tests and tools replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = CaseFlowHost.CreateBuilder(Identity, args);
        var calendars = CenterCalendars.From(builder.Configuration);
        builder.AddEventStore(Identity, opts => RegisterDocumentsAndProjections(opts, calendars), publishes: new CorrespondencePublishes());
        builder.AddMessaging(Identity, bus =>
        {
            bus.AddConsumer<OpenFileWhenCaseOpened>();
            bus.AddConsumer<MoveFileWhenCaseTransferred>();
            bus.AddConsumer<FollowCaseClosing>();
            bus.AddConsumer<NoteConsentToShare>();
            bus.AddConsumer<Files.NotingCorrections.NoteCorrectionWhenPersonCorrected>();
        });
        builder.Services.AddSingleton(TemplateLibrary.Shipped());
        builder.Services.AddSingleton<CaseFlow.ServiceDefaults.Privacy.AskingIntake.IntakeCases>();
        builder.Services.AddSingleton<AgencyDirectory>();
        builder.Services.AddHostedService<Agencies.Seeding.SampleAgencies>();
        builder.Services.AddSingleton<DeadlineWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineWatch>());
        builder.Services.AddSingleton<CaseFlow.ServiceDefaults.Admin.Status.IOperationsFigure, OverdueLettersFigure>();
        AddSlices(builder.Services);
        builder.AddReporting<Statistics.ReportingTables>(Identity);
        builder.AddCaseAudit<CorrespondenceFile>(file => file.CenterId);
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapCaseFlowDefaults();
        app.MapGrpcService<CorrespondenceApi>().RequireAuthorization();
        app.MapCaseAudit<CorrespondenceFile>();
        return app;
    }

    private static void RegisterDocumentsAndProjections(StoreOptions opts, CenterCalendars calendars)
    {
        opts.Projections.Snapshot<CorrespondenceFile>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new OutstandingLettersProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new AgencyResponseTimesProjection(calendars), ProjectionLifecycle.Async);
        opts.Projections.Add(new Statistics.LetterFactsProjection(calendars), ProjectionLifecycle.Inline);
        opts.Schema.For<Agency>().UseNumericRevisions(true);
        opts.Schema.For<OutstandingLetter>().Index(l => l.OverdueFrom).Index(l => l.CenterId).Index(l => l.CaseId).Index(l => l.ListPosition);
        opts.Schema.For<Agencies.Seeding.SampleAgenciesSeeded>();
        // The register's counters: a snapshot kept with each number, so taking the next one never replays the year.
        opts.Projections.Snapshot<Register.Numbering.LetterRegister>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new Register.Listing.RegisterEntriesProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Register.Listing.RegisterEntry>().Index(e => e.ListPosition).Index(e => e.CenterId).Index(e => e.CaseId);
    }

    /// <summary>The slices that look something up before they decide, and the reads: the API's constructor takes them.</summary>
    private static void AddSlices(IServiceCollection services)
    {
        services.AddSingleton<Letters.Drafting.DraftLetterHandler>();
        services.AddSingleton<Statistics.GetCorrespondenceStatisticsHandler>();
        services.AddSingleton<Letters.Sending.SendLetterHandler>();
        services.AddSingleton<Replies.FollowingUp.SendFollowUpHandler>();
        services.AddSingleton<Agencies.Editing.EditAgenciesHandler>();
        services.AddSingleton<Files.GettingFile.GetCorrespondenceHandler>();
        services.AddSingleton<Letters.GettingLetter.GetLetterHandler>();
        services.AddSingleton<ListOutstandingLettersHandler>();
        services.AddSingleton<Templates.Listing.ListTemplatesHandler>();
        services.AddSingleton<Agencies.Reading.ReadAgenciesHandler>();
        services.AddSingleton<GetAgencyResponseTimesHandler>();
        services.AddSingleton<Register.Numbering.RegisterNumbers>();
        services.AddSingleton<Register.RecordingIncomingMail.RecordIncomingMailHandler>();
        services.AddSingleton<Register.Listing.ListRegisterHandler>();
        services.AddSingleton<Letters.Printing.PrintLetterHandler>();
    }
}
