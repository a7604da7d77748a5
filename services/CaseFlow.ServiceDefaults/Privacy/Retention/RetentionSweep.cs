using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Privacy.Retention;

/// <summary>How long what is not the case itself is kept (days), and how often the sweep looks.</summary>
public sealed record RetentionPeriods(TimeSpan SweepEvery, TimeSpan ProcessedMessages, TimeSpan HandledRequests, TimeSpan ErasedSubjects)
{
    /// <summary>How long the purpose a reader stated stays readable in the access log (the read itself stays for good).</summary>
    public TimeSpan AccessLogPurposes { get; init; } = TimeSpan.FromDays(730);

    public static RetentionPeriods FromConfiguration(IConfiguration config) => new(
        config.GetValue("Retention:SweepEvery", TimeSpan.FromHours(1)),
        TimeSpan.FromDays(config.GetValue("Retention:ProcessedMessagesDays", 30)),
        TimeSpan.FromDays(config.GetValue("Retention:HandledRequestsDays", 30)),
        TimeSpan.FromDays(config.GetValue("Retention:ErasedSubjectsDays", 365)))
    {
        AccessLogPurposes = TimeSpan.FromDays(config.GetValue("Retention:AccessLogPurposeDays", 730)),
    };
}

public sealed record SweepResult(int ProcessedMessages, int HandledRequests, int ErasedSubjects, int ExpiredKeys = 0);

/// <summary>
/// Deletes the remnants that are not the case: inbox records of processed messages (a redelivery older than that is
/// not expected), handled-request records (a client retry older than that is not honoured) and erased subjects'
/// tombstones; and it erases expired keys (the purposes stated in the access log). One instance of a service sweeps at a time: the others find its advisory lock held and skip the turn.
/// </summary>
public sealed class RetentionSweep(NpgsqlDataSource database, string schema, SubjectKeys keys, RetentionPeriods periods,
    TimeProvider clock, ILogger<RetentionSweep> log) : BackgroundService
{
    /// <summary>The advisory lock's name: one per service schema, so services sharing a database sweep side by side.</summary>
    public static string LockName(string schema) => $"caseflow retention {schema}";

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        // Not at the very start: the store creates its tables then, and a service restarted often still sweeps.
        var wait = periods.SweepEvery < TimeSpan.FromMinutes(1) ? periods.SweepEvery : TimeSpan.FromMinutes(1);
        try
        {
            while (true)
            {
                await Task.Delay(wait, clock, stopping);
                wait = periods.SweepEvery;
                await SweepLogged(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    private async Task SweepLogged(CancellationToken stopping)
    {
        try
        {
            if (await SweepOnce(stopping) is { } swept && swept != new SweepResult(0, 0, 0))
                log.LogInformation("Retention sweep deleted {ProcessedMessages} processed-message, {HandledRequests} handled-request and {ErasedSubjects} erased-subject records, and erased {ExpiredKeys} expired keys",
                    swept.ProcessedMessages, swept.HandledRequests, swept.ErasedSubjects, swept.ExpiredKeys);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            log.LogWarning("Retention sweep failed ({Message}); trying again at the next turn", e.Message);
        }
    }

    /// <summary>One sweep, or null when another instance holds the lock. The lock is the transaction's: a crash releases it.</summary>
    public async Task<SweepResult?> SweepOnce(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var tryLock = new NpgsqlCommand("select pg_try_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
        {
            tryLock.Parameters.Add(new NpgsqlParameter { Value = LockName(schema) });
            if (await tryLock.ExecuteScalarAsync(ct) is not true) return null;
        }
        var now = clock.GetUtcNow();
        var processed = await DeleteOlder(connection, transaction, "mt_doc_processedmessage", "ProcessedAt", now - periods.ProcessedMessages, ct);
        var handled = await DeleteOlder(connection, transaction, "mt_doc_handledrequest", "HandledAt", now - periods.HandledRequests, ct);
        var erased = await keys.PruneErased(periods.ErasedSubjects, ct);
        var expired = await keys.EraseExpired(ct);
        await transaction.CommitAsync(ct);
        return new SweepResult(processed, handled, erased, expired);
    }

    private async Task<int> DeleteOlder(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string field,
        DateTimeOffset before, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"delete from {schema}.{table} where (coalesce(data->>'{field}', data->>'{char.ToLowerInvariant(field[0])}{field[1..]}'))::timestamptz < $1",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = before });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
