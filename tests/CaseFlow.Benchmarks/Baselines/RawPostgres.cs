using System.Diagnostics;
using CaseFlow.Benchmarks.Harness;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Benchmarks.Baselines;

/// <summary>
/// What PostgreSQL itself does on this machine, with the least client code: the floor under every
/// figure of the services.
/// </summary>
public sealed class RawPostgres(NpgsqlDataSource db, string schema)
{
    /// <summary>About the size of a CaseOpened event as Marten stores it.</summary>
    public static string EventJson(int i) =>
        $$"""{"CaseId":"{{Guid.NewGuid()}}","CenterId":"kara-suu","Category":"family-separation","Channel":"walk-in","ApplicantName":"Applicant {{i}}","OccurredAt":"{{DateTimeOffset.UtcNow:O}}"}""";

    public async Task Setup()
    {
        await Execute($"""
            create table {schema}.l1 (id bigserial primary key, data jsonb not null);
            create table {schema}.l3 (seq_id bigserial primary key, id uuid not null, stream_id uuid not null,
                version bigint not null, data jsonb not null, type varchar not null, "timestamp" timestamptz not null default now());
            """);
    }

    /// <summary>L1: one jsonb row per transaction (BEGIN, INSERT, COMMIT as an append does), from N concurrent clients.</summary>
    public Task<Throughput> SingleRowTransactions(int clients, TimeSpan duration) =>
        Throughput.Measure(clients, duration, async worker =>
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand($"insert into {schema}.l1 (data) values ($1)", connection, tx);
            insert.Parameters.Add(new NpgsqlParameter { Value = EventJson(worker), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        });

    /// <summary>L3: binary COPY of event-shaped rows in one transaction; rows per second.</summary>
    public async Task<double> BinaryCopy(int rows)
    {
        var payloads = Enumerable.Range(0, 1000).Select(EventJson).ToArray();
        var stream = Guid.NewGuid();
        await using var connection = await db.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"copy {schema}.l3 (id, stream_id, version, data, type) from stdin (format binary)"))
            {
                for (var i = 0; i < rows; i++)
                {
                    if (i % 100 == 0) stream = Guid.NewGuid();
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(stream, NpgsqlDbType.Uuid);
                    await copy.WriteAsync((long)(i % 100 + 1), NpgsqlDbType.Bigint);
                    await copy.WriteAsync(payloads[i % payloads.Length], NpgsqlDbType.Jsonb);
                    await copy.WriteAsync("case_opened", NpgsqlDbType.Varchar);
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return rows / clock.Elapsed.TotalSeconds;
    }

    private async Task Execute(string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
