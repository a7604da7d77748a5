using CaseFlow.ServiceDefaults.Hosting;
using Marten;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// Marten's hot/cold leader keeps running its agents when PostgreSQL restarts under it, though its advisory lock died
/// with its session (JasperFx/marten#3789): the other instance then takes the free lock and a second relay runs. Every
/// few seconds this asks PostgreSQL whether one of this instance's sessions still holds an advisory lock; running
/// agents without one are paused and resumed, which makes the daemon compete for the lock again (docs/scaling-out.md).
/// </summary>
public sealed class LeadershipWatch(IProjectionCoordinator coordinator, NpgsqlDataSource database, ServiceIdentity service,
    ServiceInstance instance, ILogger<LeadershipWatch> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!RunsAgents() || await HoldsALock(stoppingToken)) continue;
                log.LogWarning("{Instance} runs daemon agents without holding the daemon's lock (PostgreSQL restarted?): competing for it again",
                    instance.Name);
                await coordinator.PauseAsync();
                await coordinator.ResumeAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or ObjectDisposedException)
            {
                // The database is out of reach: nothing to decide until it is back.
            }
            catch (Exception e)
            {
                // Never let the watch end: a background service that throws stops the whole host.
                log.LogWarning(e, "{Instance}: checking the daemon's lock failed; looking again at the next tick", instance.Name);
            }
        }
    }

    private bool RunsAgents() =>
        coordinator.DaemonForMainDatabase().CurrentAgents().Any(a => a.Status == JasperFx.AgentStatus.Running);

    private async Task<bool> HoldsALock(CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            select exists (select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                           where l.locktype = 'advisory' and l.granted and a.application_name = $1)
            """);
        command.Parameters.AddWithValue(instance.ApplicationNameFor(service));
        // Agents are started right after the lock is taken: a second look spares a restart for that instant.
        if (await command.ExecuteScalarAsync(ct) is true) return true;
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return RunsAgents() is false || await command.ExecuteScalarAsync(ct) is true;
    }
}
