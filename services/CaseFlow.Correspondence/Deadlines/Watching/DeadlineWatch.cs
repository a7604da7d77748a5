using System.Security.Cryptography;
using System.Text;
using CaseFlow.Correspondence.Deadlines.Outstanding;
using CaseFlow.ServiceDefaults.Hosting;
using Npgsql;

namespace CaseFlow.Correspondence.Deadlines.Watching;

/// <summary>
/// Raises ReplyOverdue once per letter and due date, with any number of instances running. RabbitMQ here has no
/// delayed messages, so the watch sweeps the outstanding letters whose due day has ended: at start (catching up
/// after downtime) and then every interval of the service's clock. One instance sweeps at a time (a PostgreSQL
/// advisory lock); and the event is appended at the version the decision was made on, so even two sweeps that
/// overlap cannot raise it twice: the later commit fails and its next sweep finds it raised.
/// </summary>
public sealed class DeadlineWatch(
    IDocumentStore store, StreamCommands commands, NpgsqlDataSource database, ServiceIdentity service,
    IConfiguration configuration, TimeProvider clock, ILogger<DeadlineWatch> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private readonly long lockKey = LockKey(configuration["EventStore:Schema"] ?? service.Name);
    private readonly TimeSpan interval = TimeSpan.FromSeconds(configuration.GetValue("Deadlines:SweepIntervalSeconds", 60));

    /// <summary>The clock's time at the end of the last sweep this instance ran or skipped.</summary>
    public DateTimeOffset? LastSweepAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        // A periodic timer, not a delay after each sweep: a tick that falls while a sweep runs is not lost but
        // starts the next sweep at once (a clock moved far ahead, or a sweep slower than the interval).
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await Sweep(stopping);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "The deadline sweep failed; it runs again in {Interval}", interval);
            }
        } while (await WaitForTick(timer, stopping));
    }

    private static async Task<bool> WaitForTick(PeriodicTimer timer, CancellationToken stopping)
    {
        try { return await timer.WaitForNextTickAsync(stopping); }
        catch (OperationCanceledException) { return false; }
    }

    /// <returns>How many ReplyOverdue this sweep raised.</returns>
    public async Task<int> Sweep(CancellationToken ct)
    {
        var raised = 0;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await TryLock(connection, transaction, ct))
        {
            var now = clock.GetUtcNow();
            foreach (var letter in await DueLetters(now, ct))
                if (await Raise(letter, now, ct)) raised++;
        }
        await transaction.CommitAsync(ct);
        LastSweepAt = clock.GetUtcNow();
        return raised;
    }

    private async Task<IReadOnlyList<OutstandingLetter>> DueLetters(DateTimeOffset now, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        return await query.Query<OutstandingLetter>()
            .Where(l => !l.OverdueRaised && !l.CaseClosed && l.OverdueFrom <= now)
            .OrderBy(l => l.OverdueFrom).Take(BatchSize).ToListAsync(ct);
    }

    /// <summary>
    /// Appended at the version the decision was made on: when the file changed meanwhile (a reply, a follow-up, the
    /// other instance's sweep) nothing is written, and the next sweep decides again on what the file says then.
    /// </summary>
    private Task<bool> Raise(OutstandingLetter letter, DateTimeOffset now, CancellationToken ct) =>
        commands.RunBackground($"Case {letter.CaseId}, whose letter {letter.Id} was found overdue,", async writer =>
        {
            // Not Existing: a row without its file must be passed over, not halt this sweep and every one after it.
            var file = await writer.StartOrContinue<CorrespondenceFile>(letter.CaseId, ct);
            if (file.Aggregate is null) return false;
            var events = ReplyOverdueRules.Decide(file.Aggregate, letter.Id, now);
            if (events.Count == 0) return false;
            file.AppendMany(events);
            return true;
        }, ct);

    private async Task<bool> TryLock(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", lockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Stable across processes and restarts (string.GetHashCode is not), distinct per schema.</summary>
    private static long LockKey(string schema) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{schema}:deadline-watch")), 0);
}
