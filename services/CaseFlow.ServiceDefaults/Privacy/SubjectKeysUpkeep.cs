using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// The key table exists before the service takes a call; keys still wrapped under a retired key-encrypting key are
/// rewrapped; and every erasure, on whichever instance it was handled, evicts the key from this instance's cache.
/// </summary>
public sealed class SubjectKeysUpkeep(SubjectKeys keys, ILogger<SubjectKeysUpkeep> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await keys.CreateTable(ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            if (await keys.Rewrap(stopping) is > 0 and var rewrapped)
                log.LogInformation("Rewrapped {Count} data keys under the current key-encrypting key", rewrapped);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Rewrapping data keys failed; they stay readable under the older key-encrypting key");
        }
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Listen(stopping);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                log.LogWarning("Listening for erasures was interrupted ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) { }
        }
    }

    private async Task Listen(CancellationToken stopping)
    {
        await using var connection = await keys.Database.OpenConnectionAsync(stopping);
        connection.Notification += (_, notification) =>
        {
            var parts = notification.Payload.Split('|');
            if (parts.Length == 2 && parts[0] == keys.Schema && Guid.TryParse(parts[1], out var subject)) keys.Forget(subject);
        };
        await using (var listen = new NpgsqlCommand($"listen {SubjectKeys.ErasedChannel}", connection))
            await listen.ExecuteNonQueryAsync(stopping);
        // Erasures while no one was listening were missed: start from an empty cache.
        keys.ForgetAll();
        while (!stopping.IsCancellationRequested) await connection.WaitAsync(stopping);
    }
}
