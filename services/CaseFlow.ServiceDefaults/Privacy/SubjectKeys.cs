using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// Each data subject's own key in this service, wrapped under the key-encrypting key, in a schema of its own
/// (<c>&lt;service&gt;_keys</c>, or another database: <c>ConnectionStrings:PersonalDataKeys</c>) that is backed up and purged
/// apart from the events. Erasing a subject deletes its key: every value sealed under it, in events, snapshots and
/// copies of backups taken since, can no longer be read. Keys are cached; an erasure evicts them on every instance
/// (PostgreSQL NOTIFY), and a cached key is re-read after a while anyway in case a notification was missed.
/// </summary>
public sealed class SubjectKeys(NpgsqlDataSource database, string schema, KeyEncryptionKeys keks, TimeProvider clock) : IDisposable
{
    public const string ErasedChannel = "caseflow_subject_erased";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int MaxCached = 200_000;

    private readonly ConcurrentDictionary<Guid, Cached> cache = new();

    private sealed record Cached(byte[]? Key, DateTimeOffset ReadAt);

    public string Schema => schema;

    internal NpgsqlDataSource Database => database;

    /// <summary>The keys' own connection pool goes with the service.</summary>
    public void Dispose() => database.Dispose();

    public async Task CreateTable(CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            create schema if not exists {schema};
            create table if not exists {schema}.subject_keys (
                subject_id uuid primary key,
                kek_id text,
                wrapped bytea,
                created_at timestamptz not null default now(),
                erased_at timestamptz,
                legal_basis text);
            alter table {schema}.subject_keys add column if not exists expires_at timestamptz;
            """);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject)
        {
            // Another instance created it at the same moment.
        }
    }

    /// <summary>Reads, or creates, the keys of subjects about to be sealed; an erased subject's data cannot be recorded again.</summary>
    public async Task Ensure(IReadOnlyCollection<Guid> subjects, CancellationToken ct)
    {
        // Decided on what this call found, never on the shared cache afterwards: a concurrent call for the same subject
        // forgets its entry before reading it again, and a new subject must not pass for an erased one meanwhile.
        var known = new Dictionary<Guid, Cached>();
        var missing = new List<Guid>();
        foreach (var subject in subjects.Distinct())
            if (FreshEntry(subject) is { } cached) known[subject] = cached;
            else missing.Add(subject);
        if (missing.Count > 0)
            foreach (var (subject, read) in await LoadOrCreate([.. missing], ct)) known[subject] = read;
        // Also for a subject found in the cache: a freshly cached erasure refuses the write as well.
        foreach (var subject in subjects)
            if (!known.TryGetValue(subject, out var found) || found.Key is null)
                throw new SubjectErased(subject);
    }

    private async Task<Dictionary<Guid, Cached>> LoadOrCreate(Guid[] missing, CancellationToken ct)
    {
        foreach (var subject in missing) Forget(subject); // a stale entry must not pass for one just read
        var read = await InsertOrRead(missing, expiresAt: null, ct);
        // A racing instance committed its key between this statement's snapshot and its insert: read that one.
        var raced = missing.Where(s => !read.ContainsKey(s)).ToArray();
        if (raced.Length > 0)
            foreach (var (subject, created) in await Load(raced, ct)) read[subject] = created;
        return read;
    }

    /// <summary>
    /// A key that ends by itself: what is sealed under it (the purpose an access-log entry states) becomes unreadable when
    /// the retention sweep erases expired keys, while the hash-chained event that holds it stays.
    /// </summary>
    public async Task EnsureExpiring(Guid subject, DateTimeOffset expiresAt, CancellationToken ct)
    {
        if (IsFresh(subject)) return;
        if ((await InsertOrRead([subject], expiresAt, ct)).Count == 0) await Load([subject], ct);
    }

    /// <summary>
    /// One statement, one round trip: a fresh key for each subject that has none, and the stored key (or erasure) of each
    /// that has one. A key created by a racing instance after the statement's snapshot is in neither: the caller reads it.
    /// </summary>
    private async Task<Dictionary<Guid, Cached>> InsertOrRead(Guid[] subjects, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var kekIds = new string[subjects.Length];
        var wrapped = new byte[subjects.Length][];
        for (var i = 0; i < subjects.Length; i++)
            wrapped[i] = keks.Wrap(subjects[i], RandomNumberGenerator.GetBytes(32), out kekIds[i]);
        await using var command = database.CreateCommand($"""
            with wanted (subject_id, kek_id, wrapped) as (select * from unnest($1::uuid[], $2::text[], $3::bytea[])),
            created as (
                insert into {schema}.subject_keys (subject_id, kek_id, wrapped, expires_at)
                select subject_id, kek_id, wrapped, $4 from wanted
                on conflict (subject_id) do nothing
                returning subject_id, kek_id, wrapped)
            select subject_id, kek_id, wrapped from created
            union all
            select subject_id, kek_id, wrapped from {schema}.subject_keys where subject_id = any($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = subjects });
        command.Parameters.Add(new NpgsqlParameter { Value = kekIds });
        command.Parameters.Add(new NpgsqlParameter { Value = wrapped, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var read = new Dictionary<Guid, Cached>();
        while (await reader.ReadAsync(ct)) read[reader.GetGuid(0)] = Remember(reader);
        return read;
    }

    /// <summary>Erases the keys whose time has come, telling every instance; returns how many.</summary>
    public async Task<int> EraseExpired(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"with expired as (update {schema}.subject_keys set kek_id = null, wrapped = null, erased_at = now(), " +
            $"legal_basis = 'retention period ended' where expires_at < $1 and wrapped is not null returning subject_id) " +
            $"select subject_id, pg_notify('{ErasedChannel}', '{schema}|' || subject_id::text) from expired");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        var erased = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Forget(reader.GetGuid(0));
            erased++;
        }
        return erased;
    }

    /// <summary>The key a value needs to be sealed: <see cref="Ensure"/> has read it before serialization.</summary>
    public byte[] Required(Guid subject) =>
        Find(subject) ?? throw new InvalidOperationException(
            $"no data key for subject {subject}: personal values are sealed only on the event store's write path");

    /// <summary>The subject's key, or null once erased; read synchronously on a cache miss (serializers are synchronous).</summary>
    public byte[]? Find(Guid subject)
    {
        if (IsFresh(subject) && cache.TryGetValue(subject, out var cached)) return cached.Key;
        using var command = database.CreateCommand($"select subject_id, kek_id, wrapped from {schema}.subject_keys where subject_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return Remember(reader).Key;
    }

    /// <summary>Deletes the subject's key here and tells every instance to forget it; erasing twice changes nothing more.</summary>
    public async Task Erase(Guid subject, string legalBasis, CancellationToken ct)
    {
        // Two commands of one batch (positional parameters allow one statement per command), in one transaction.
        await using var batch = database.CreateBatch();
        var erase = new NpgsqlBatchCommand($"""
            insert into {schema}.subject_keys (subject_id, erased_at, legal_basis) values ($1, now(), $2)
            on conflict (subject_id) do update set kek_id = null, wrapped = null,
                erased_at = coalesce({schema}.subject_keys.erased_at, excluded.erased_at),
                legal_basis = coalesce({schema}.subject_keys.legal_basis, excluded.legal_basis)
            """);
        erase.Parameters.Add(new NpgsqlParameter { Value = subject });
        erase.Parameters.Add(new NpgsqlParameter { Value = legalBasis });
        var notify = new NpgsqlBatchCommand($"select pg_notify('{ErasedChannel}', $1)");
        notify.Parameters.Add(new NpgsqlParameter { Value = $"{schema}|{subject}" });
        batch.BatchCommands.Add(erase);
        batch.BatchCommands.Add(notify);
        await batch.ExecuteNonQueryAsync(ct);
        Forget(subject);
    }

    public bool IsErased(Guid subject) => Find(subject) is null;

    public void Forget(Guid subject) => cache.TryRemove(subject, out _);

    public void ForgetAll() => cache.Clear();

    /// <summary>Rewraps, in pages, the keys still wrapped under an older key-encrypting key. Returns how many.</summary>
    public async Task<int> Rewrap(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var page = new List<(Guid Subject, string KekId, byte[] Wrapped)>();
            await using (var select = database.CreateCommand(
                $"select subject_id, kek_id, wrapped from {schema}.subject_keys where wrapped is not null and kek_id <> $1 limit 500"))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = keks.Current });
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) page.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
            }
            if (page.Count == 0) return total;
            await using var batch = database.CreateBatch();
            foreach (var (subject, kekId, wrapped) in page)
            {
                var rewrapped = keks.Wrap(subject, keks.Unwrap(subject, kekId, wrapped), out var current);
                var update = new NpgsqlBatchCommand($"update {schema}.subject_keys set kek_id = $1, wrapped = $2 where subject_id = $3 and kek_id = $4");
                update.Parameters.Add(new NpgsqlParameter { Value = current });
                update.Parameters.Add(new NpgsqlParameter { Value = rewrapped });
                update.Parameters.Add(new NpgsqlParameter { Value = subject });
                update.Parameters.Add(new NpgsqlParameter { Value = kekId });
                batch.BatchCommands.Add(update);
            }
            await batch.ExecuteNonQueryAsync(ct);
            total += page.Count;
        }
    }

    /// <summary>Erased subjects' tombstones older than the retention period go; the keys are long gone already.</summary>
    public async Task<int> PruneErased(TimeSpan olderThan, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"delete from {schema}.subject_keys where wrapped is null and erased_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() - olderThan });
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<Dictionary<Guid, Cached>> Load(IReadOnlyCollection<Guid> subjects, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select subject_id, kek_id, wrapped from {schema}.subject_keys where subject_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = subjects.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var read = new Dictionary<Guid, Cached>();
        while (await reader.ReadAsync(ct)) read[reader.GetGuid(0)] = Remember(reader);
        return read;
    }

    private Cached Remember(NpgsqlDataReader reader)
    {
        var subject = reader.GetGuid(0);
        var key = reader.IsDBNull(2) ? null : keks.Unwrap(subject, reader.GetString(1), reader.GetFieldValue<byte[]>(2));
        if (cache.Count >= MaxCached) cache.Clear();
        var cached = new Cached(key, clock.GetUtcNow());
        cache[subject] = cached;
        return cached;
    }

    private bool IsFresh(Guid subject) => FreshEntry(subject) is not null;

    private Cached? FreshEntry(Guid subject) =>
        cache.TryGetValue(subject, out var cached) && clock.GetUtcNow() - cached.ReadAt < CacheFor ? cached : null;
}

/// <summary>The person's data was erased: it can be neither shown nor recorded again (FAILED_PRECONDITION).</summary>
public sealed class SubjectErased(Guid subject)
    : Exception($"the personal data of subject {subject} was erased; nothing personal can be recorded for them again")
{
    public Guid Subject { get; } = subject;
}
