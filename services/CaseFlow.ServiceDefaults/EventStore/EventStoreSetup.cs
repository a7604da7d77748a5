using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Audit.AccessLog;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Privacy;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;

namespace CaseFlow.ServiceDefaults.EventStore;

public static class EventStoreSetup
{
    /// <summary>
    /// Marten in the service's own schema, every event stamped with who, why and which trace, and the
    /// outbox relay run by the async daemon when the service publishes integration events.
    /// </summary>
    public static void AddEventStore(this WebApplicationBuilder builder, ServiceIdentity service,
        Action<StoreOptions> registerProjections, IntegrationEventMap? publishes = null)
    {
        var config = builder.Configuration;
        var connectionString = config.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set");
        var schema = config["EventStore:Schema"] ?? service.Name;

        // Built by the container so that stopping the host closes the pool.
        builder.Services.AddSingleton(sp => NpgsqlDataSource.Create(Sessions(connectionString, config, service, sp.GetRequiredService<ServiceInstance>())));
        var chain = HashChain.FromConfiguration(config);
        var sealing = builder.AddPersonalDataProtection(schema);
        builder.Services.AddSingleton(chain);
        var marten = builder.Services.AddMarten(opts =>
            {
                opts.DatabaseSchemaName = schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Enums as words: the stored history reads the same to an auditor as the API does.
                // Personal values are sealed wherever they are serialized (Privacy/SealedJsonConverter).
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json => json.Converters.Add(sealing));
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                TuneDelivery(opts, config);
                opts.Schema.For<HandledRequest>();
                opts.Schema.For<ProcessedMessage>();
                opts.Schema.For<Admin.DeadLetters.DeadLetterReplay>();
                // Every read of personal data, by case, in streams of its own (Audit/AccessLog).
                opts.Events.MapEventType<PersonalDataRead>(PersonalDataRead.EventTypeName);
                opts.Schema.For<StreamHead>();
                opts.Listeners.Add(new HashChainListener(chain, TimeProvider.System));
                opts.SealPersonalData(sealing.Keys);
                registerProjections(opts);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();

        if (publishes is not null)
        {
            builder.Services.AddSingleton(publishes);
            marten.AddSubscriptionWithServices<OutboxRelay>(ServiceLifetime.Singleton);
        }

        var mode = config.GetValue("EventStore:DaemonMode", DaemonMode.HotCold);
        marten.AddAsyncDaemon(mode);
        if (mode == DaemonMode.HotCold) builder.Services.AddHostedService<LeadershipWatch>();
        builder.Services.AddSingleton<EventSessions>();
        builder.Services.AddSingleton<IdempotentRequests>();
        builder.Services.AddSingleton<StreamCommands>();
        builder.Services.AddSingleton<StreamTurns>();
        builder.Services.AddSingleton<AccessLogWriter>();
    }

    /// <summary>
    /// Every session names its instance (application_name), so pg_stat_activity and pg_locks tell which copy holds the
    /// daemon's advisory locks; TCP keepalives let this side notice a server that vanished without closing the
    /// connection (docs/scaling-out.md). A connection string that sets either keeps its own. No reset on close: PooledConnections.
    /// </summary>
    private static string Sessions(string connectionString, IConfiguration config, ServiceIdentity service, ServiceInstance instance)
    {
        var settings = PooledConnections.Settings(connectionString, config);
        if (string.IsNullOrEmpty(settings.ApplicationName)) settings.ApplicationName = instance.ApplicationNameFor(service);
        if (!settings.TcpKeepAlive)
        {
            settings.TcpKeepAlive = true;
            settings.TcpKeepAliveTime = 10;
            settings.TcpKeepAliveInterval = 5;
        }
        return settings.ConnectionString;
    }

    /// <summary>
    /// The daemon's defaults deliver 0.5–1.7 s after commit: LISTEN/NOTIFY wakes it on every append,
    /// and short polling catches the wake-ups that arrive while it is busy.
    /// </summary>
    private static void TuneDelivery(StoreOptions opts, IConfiguration config)
    {
        // Switchable only so that ./caseflow bench can measure the daemon's defaults against this tuning.
        opts.Events.UseListenNotifyForEventAppends = config.GetValue("EventStore:ListenNotify", true);
        opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(config.GetValue("EventStore:FastPollingMs", 50));
        opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(config.GetValue("EventStore:SlowPollingMs", 100));
        // An exception in the relay must stop it, never skip the event: nothing is silently dropped.
        opts.Projections.Errors.SkipApplyErrors = false;
        opts.Projections.Errors.SkipSerializationErrors = false;
    }
}
