using Marten;
using Marten.Events.Daemon.HighWater;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// A commit that appended events wakes its own service's daemon (the outbox relay) at once, on a channel of its own
/// schema. Marten's LISTEN/NOTIFY uses one channel per database, so each of the three services' appends woke all three
/// daemons, and every wake-up costs a high-water check that scans the events since the last mark (docs/benchmark.md
/// "Wake-ups on the service's own channel"). Its notify is also a DO block that is parsed on every commit; this one is a
/// plain, prepared <c>pg_notify</c>.
/// </summary>
public static class AppendWakeups
{
    public static string Channel(string schema) => $"{schema}_events_appended";

    public static void WakeOnOwnAppends(this IServiceCollection services, StoreOptions opts, string schema)
    {
        var channel = Channel(schema);
        opts.Events.UseListenNotifyForEventAppends = false;
        opts.Listeners.Add(new NotifyOnAppend(channel));
        services.ConfigureMarten((provider, options) => options.Projections.Wakeup = new PostgresqlListenWakeup(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger<PostgresqlListenWakeup>(), channel));
    }

    private sealed class NotifyOnAppend(string channel) : DocumentSessionListenerBase
    {
        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            if (session.PendingChanges.Streams().Any(s => s.Events.Count > 0))
                session.QueueSqlCommand("select pg_notify(?, '')", channel);
            return Task.CompletedTask;
        }
    }
}
