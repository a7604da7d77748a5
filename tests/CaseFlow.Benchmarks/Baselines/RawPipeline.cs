using CaseFlow.Benchmarks.Harness;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Benchmarks.Baselines;

/// <summary>
/// L4: the SQL of one <c>OpenCase</c> and of its two consumers, replayed raw through Npgsql with nothing else around it
/// (no gRPC, no Marten, no broker, no encryption): what the stack adds over its own statements. The statement shapes,
/// their order and their transactions follow <c>pg_stat_statements</c> of a P2 burst (docs/benchmark.md, "L4"); the
/// documents have the sizes the services store. Each worker takes one case through Intake's request and then both
/// consumers; three readers meanwhile page through each service's new events and move their progression, as the
/// daemons do.
/// </summary>
public sealed class RawPipeline(NpgsqlDataSource db, string schema)
{
    private static readonly string[] Services = ["intake", "correspondence", "reunification"];
    private static readonly string[] Documents = ["casedoc", "searchentry", "streamhead", "file"];

    // Sizes as stored (pg_column_size) by the services for a new case: event, headers, documents.
    private static readonly string EventBody = Json(350);
    private static readonly string Headers = Json(190);
    private static readonly string CaseDocument = Json(950), SearchEntry = Json(890), StreamHead = Json(280);
    private static readonly string HandledRequest = Json(295), ProcessedMessage = Json(180);
    private static readonly string CorrespondenceFile = Json(300), ReunificationFile = Json(740);

    public async Task Setup()
    {
        var sql = new System.Text.StringBuilder();
        foreach (var s in Services)
        {
            sql.AppendLine($"""
                create table {schema}.l4_{s}_streams (id uuid primary key, type varchar, version bigint, "timestamp" timestamptz not null default now(),
                    created timestamptz not null default now(), tenant_id varchar default '*DEFAULT*', is_archived bool default false);
                create table {schema}.l4_{s}_events (seq_id bigserial primary key, id uuid not null, stream_id uuid not null references {schema}.l4_{s}_streams(id),
                    version bigint not null, data jsonb not null, type varchar not null, "timestamp" timestamptz not null default now(),
                    tenant_id varchar default '*DEFAULT*', mt_dotnet_type varchar, correlation_id varchar, causation_id varchar, headers jsonb,
                    user_name varchar, is_archived bool default false, unique (stream_id, version));
                create table {schema}.l4_{s}_progression (name varchar primary key, last_seq_id bigint, last_updated timestamptz);
                insert into {schema}.l4_{s}_progression values ('relay', 0, now());
                create table {schema}.l4_{s}_requests (id varchar primary key, data jsonb not null, mt_version uuid, mt_dotnet_type varchar, mt_last_modified timestamptz);
                create function {schema}.l4_{s}_append(stream uuid, stream_type varchar, event_id uuid, event_type varchar, body jsonb,
                    correlation varchar, causation varchar, event_headers jsonb, actor varchar) returns bigint language plpgsql as $$
                declare v bigint; seq bigint;
                begin
                    insert into {schema}.l4_{s}_streams (id, type, version) values (stream, stream_type, 1)
                        on conflict (id) do update set version = {schema}.l4_{s}_streams.version + 1, "timestamp" = now() returning version into v;
                    insert into {schema}.l4_{s}_events (id, stream_id, version, data, type, mt_dotnet_type, correlation_id, causation_id, headers, user_name)
                        values (event_id, stream, v, body, event_type, event_type, correlation, causation, event_headers, actor) returning seq_id into seq;
                    return seq;
                end $$;
                """);
            foreach (var d in Documents)
                sql.AppendLine($"create table {schema}.l4_{s}_{d} (id uuid primary key, data jsonb not null, mt_version bigint, mt_dotnet_type varchar, mt_last_modified timestamptz);");
        }
        sql.AppendLine($"create table {schema}.l4_keys (subject_id uuid primary key, kek_id varchar not null, wrapped bytea not null);");
        await using var create = db.CreateCommand(sql.ToString());
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Cases taken through the whole pipeline's SQL by <paramref name="clients"/> workers for the duration.</summary>
    public async Task<Throughput> Cases(int clients, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        var daemons = Services.Select(s => Task.Run(() => Daemon(s, stop.Token))).ToArray();
        try
        {
            return await Throughput.Measure(clients, duration, _ => OneCase());
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(daemons);
        }
    }

    private async Task OneCase()
    {
        var caseId = Guid.NewGuid();
        var subject = Guid.NewGuid();
        var requestId = Guid.NewGuid().ToString();
        var trace = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        await using var connection = await db.OpenConnectionAsync();

        // Intake: the idempotency look-up, the person's key (read, created, read again by the sealing), then one transaction.
        await Query(connection, null, $"select d.id, d.data from {schema}.l4_intake_requests as d where id = $1", requestId);
        await Query(connection, null, $"select subject_id, kek_id, wrapped from {schema}.l4_keys where subject_id = any($1)", new[] { subject });
        await using (var keys = await connection.BeginTransactionAsync())
        {
            await Query(connection, keys, $"insert into {schema}.l4_keys (subject_id, kek_id, wrapped) values ($1, $2, $3) on conflict (subject_id) do nothing",
                subject, "kek-1", new byte[61]);
            await keys.CommitAsync();
        }
        await Query(connection, null, $"select subject_id, kek_id, wrapped from {schema}.l4_keys where subject_id = any($1)", new[] { subject });
        await Append(connection, "intake", caseId, "case_opened", trace, requestId, requestId, HandledRequest,
            ("casedoc", CaseDocument), ("searchentry", SearchEntry));

        // Each consumer: the inbox look-up, the stream check, the file, then one transaction.
        var messageId = Guid.NewGuid().ToString();
        foreach (var (service, file) in new[] { ("correspondence", CorrespondenceFile), ("reunification", ReunificationFile) })
        {
            var inboxId = $"{service}/{messageId}";
            await Query(connection, null, $"select d.id, d.data from {schema}.l4_{service}_requests as d where id = $1", inboxId);
            await Query(connection, null, $"select version from {schema}.l4_{service}_streams where id = $1", caseId);
            await Query(connection, null, $"select d.id, d.data, d.mt_version from {schema}.l4_{service}_file as d where id = $1", caseId);
            await Append(connection, service, caseId, "file_opened", trace, messageId, inboxId, ProcessedMessage, ("file", file));
        }
    }

    /// <summary>One appending transaction as Marten issues it: append, documents, the request or inbox record, the chain head, the notify.</summary>
    private async Task Append(NpgsqlConnection connection, string service, Guid stream, string eventType, string correlation, string causation,
        string recordId, string record, params (string Table, string Json)[] documents)
    {
        await using var tx = await connection.BeginTransactionAsync();
        await Query(connection, tx, $"select {schema}.l4_{service}_append($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            stream, "case", Guid.NewGuid(), eventType, Jsonb(EventBody), correlation, causation, Jsonb(Headers), "lawyer");
        foreach (var (table, json) in documents)
            await Query(connection, tx, $"""
                insert into {schema}.l4_{service}_{table} (id, data, mt_version, mt_dotnet_type, mt_last_modified)
                values ($1, $2, coalesce((select version from {schema}.l4_{service}_streams where id = $1), 1), $3, transaction_timestamp())
                on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified
                """, stream, Jsonb(json), table);
        await Query(connection, tx, $"""
            insert into {schema}.l4_{service}_requests (id, data, mt_version, mt_dotnet_type, mt_last_modified)
            values ($1, $2, $3, $4, transaction_timestamp()) on conflict (id) do nothing returning id
            """, recordId, Jsonb(record), Guid.NewGuid(), "record");
        await Query(connection, tx, $"""
            insert into {schema}.l4_{service}_streamhead (id, data, mt_version, mt_dotnet_type, mt_last_modified)
            values ($1, $2, 1, $3, transaction_timestamp())
            on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified
            """, stream, Jsonb(StreamHead), "head");
        await Query(connection, tx, "DO $$ BEGIN PERFORM pg_notify('l4_events_appended', ''); END $$");
        await tx.CommitAsync();
    }

    /// <summary>A daemon's reader: the high-water mark, a page of new events with their streams, the progression moved; 50 ms idle polls.</summary>
    private async Task Daemon(string service, CancellationToken stop)
    {
        long position = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stop);
                var high = await Scalar(connection, $"select coalesce(max(seq_id), 0) from {schema}.l4_{service}_events where seq_id >= $1", position, stop);
                if (high <= position)
                {
                    await Task.Delay(50, stop);
                    continue;
                }
                var last = position;
                await using (var page = new NpgsqlCommand(string.Format(
                    """
                    select d.data, d.type, d.mt_dotnet_type, d.seq_id, d.id, d.stream_id, d.version, d."timestamp", d.tenant_id, d.correlation_id,
                           d.causation_id, d.headers, d.user_name, d.is_archived, s.type as stream_type
                    from {0}.l4_{1}_events as d inner join {0}.l4_{1}_streams as s on d.stream_id = s.id
                    where d.seq_id > $1 and d.seq_id <= $2 and d.is_archived = false order by d.seq_id limit 500
                    """, schema, service), connection))
                {
                    page.Parameters.Add(new NpgsqlParameter { Value = position });
                    page.Parameters.Add(new NpgsqlParameter { Value = high });
                    await using var reader = await page.ExecuteReaderAsync(stop);
                    while (await reader.ReadAsync(stop)) last = reader.GetInt64(3);
                }
                await using var tx = await connection.BeginTransactionAsync(stop);
                await Query(connection, tx, $"update {schema}.l4_{service}_progression set last_seq_id = $1, last_updated = transaction_timestamp() where name = 'relay' and last_seq_id = $2",
                    last, position);
                await tx.CommitAsync(stop);
                position = last;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
    }

    private async Task Query(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private async Task<long> Scalar(NpgsqlConnection connection, string sql, long position, CancellationToken stop)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        return (long)(await command.ExecuteScalarAsync(stop))!;
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    /// <summary>A JSON object of about <paramref name="bytes"/> bytes, its text not repetitive enough to compress away.</summary>
    private static string Json(int bytes)
    {
        var random = new Random(bytes);
        var text = new System.Text.StringBuilder("{");
        for (var i = 0; text.Length < bytes - 40; i++)
            text.Append($"\"f{i}\":\"{Convert.ToBase64String(Enumerable.Range(0, 18).Select(_ => (byte)random.Next(256)).ToArray())}\",");
        text.Append("\"end\":true}");
        return text.ToString();
    }
}
