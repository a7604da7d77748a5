using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Privacy.Retention;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Weasel.Core;

namespace CaseFlow.IntegrationTests.Privacy;

/// <summary>What is not the case itself goes after its period, swept by one instance at a time.</summary>
public sealed class RetentionSweepTests(KeyStore store) : IClassFixture<KeyStore>
{
    private static readonly RetentionPeriods Periods = new(TimeSpan.FromHours(1), TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(365));

    [Fact]
    public async Task Old_records_and_tombstones_go_young_ones_and_live_keys_stay_and_a_locked_sweep_skips()
    {
        var schema = "retention_t" + Guid.NewGuid().ToString("N")[..10];
        await using var documents = DocumentStore.For(opts =>
        {
            opts.Connection(TestEnvironment.Postgres);
            opts.DatabaseSchemaName = schema;
            opts.AutoCreateSchemaObjects = AutoCreate.All;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            opts.Schema.For<HandledRequest>();
            opts.Schema.For<ProcessedMessage>();
        });
        await using var database = NpgsqlDataSource.Create(TestEnvironment.Postgres);
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using (var session = documents.LightweightSession())
            {
                session.Store(new ProcessedMessage("old-message", "x", now.AddDays(-31)), new ProcessedMessage("young-message", "x", now.AddDays(-29)));
                session.Store(new HandledRequest("old-request", "op", "f", [], now.AddDays(-31)), new HandledRequest("young-request", "op", "f", [], now.AddDays(-1)));
                await session.SaveChangesAsync();
            }
            var keys = store.Keys();
            var (longErased, recentlyErased, alive) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            await keys.Ensure([longErased, recentlyErased, alive], CancellationToken.None);
            await keys.Erase(longErased, "GDPR art. 17", CancellationToken.None);
            await keys.Erase(recentlyErased, "GDPR art. 17", CancellationToken.None);
            await using (var age = database.CreateCommand($"update {store.Schema}.subject_keys set erased_at = now() - interval '366 days' where subject_id = $1"))
            {
                age.Parameters.Add(new NpgsqlParameter { Value = longErased });
                await age.ExecuteNonQueryAsync();
            }
            var sweep = new RetentionSweep(database, schema, keys, Periods, TimeProvider.System, NullLogger<RetentionSweep>.Instance);

            await using (var otherInstance = await database.OpenConnectionAsync())
            {
                await using var hold = new NpgsqlCommand("select pg_advisory_lock(hashtextextended($1, 0))", otherInstance);
                hold.Parameters.Add(new NpgsqlParameter { Value = RetentionSweep.LockName(schema) });
                await hold.ExecuteNonQueryAsync();
                (await sweep.SweepOnce(CancellationToken.None)).ShouldBeNull("another instance is sweeping");
                await using var release = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", otherInstance);
                release.Parameters.Add(new NpgsqlParameter { Value = RetentionSweep.LockName(schema) });
                await release.ExecuteNonQueryAsync();
            }

            (await sweep.SweepOnce(CancellationToken.None)).ShouldBe(new SweepResult(1, 1, 1));
            await using (var session = documents.QuerySession())
            {
                (await session.Query<ProcessedMessage>().Select(m => m.Id).ToListAsync()).ShouldBe(["young-message"]);
                (await session.Query<HandledRequest>().Select(r => r.Id).ToListAsync()).ShouldBe(["young-request"]);
            }
            var remaining = new List<Guid>();
            await using (var list = database.CreateCommand($"select subject_id from {store.Schema}.subject_keys where subject_id = any($1)"))
            {
                list.Parameters.Add(new NpgsqlParameter { Value = new[] { longErased, recentlyErased, alive } });
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync()) remaining.Add(reader.GetGuid(0));
            }
            remaining.ShouldBe([recentlyErased, alive], ignoreOrder: true);
            (await sweep.SweepOnce(CancellationToken.None)).ShouldBe(new SweepResult(0, 0, 0));
        }
        finally
        {
            await using var drop = database.CreateCommand($"drop schema if exists {schema} cascade");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task An_expired_key_is_erased_by_the_sweep_so_what_was_sealed_under_it_reads_as_erased_and_a_later_one_stays()
    {
        var schema = "retention_t" + Guid.NewGuid().ToString("N")[..10];
        await using var database = NpgsqlDataSource.Create(TestEnvironment.Postgres);
        await using (var tables = database.CreateCommand($"create schema {schema}; create table {schema}.mt_doc_processedmessage (data jsonb); create table {schema}.mt_doc_handledrequest (data jsonb)"))
            await tables.ExecuteNonQueryAsync();
        try
        {
            var keys = store.Keys();
            var (lastYear, nextYear) = (Guid.NewGuid(), Guid.NewGuid());
            await keys.EnsureExpiring(lastYear, DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
            await keys.EnsureExpiring(nextYear, DateTimeOffset.UtcNow.AddDays(365), CancellationToken.None);
            var cipher = new CaseFlow.ServiceDefaults.Privacy.SubjectCipher(keys, encrypting: true);
            var purpose = cipher.Seal([lastYear], "to write to Aibek's school"u8);

            var sweep = new RetentionSweep(database, schema, keys, Periods, TimeProvider.System, NullLogger<RetentionSweep>.Instance);
            (await sweep.SweepOnce(CancellationToken.None))!.ExpiredKeys.ShouldBe(1);

            keys.IsErased(lastYear).ShouldBeTrue();
            keys.IsErased(nextYear).ShouldBeFalse();
            cipher.Open([lastYear], purpose).ShouldBeNull("the purpose sealed under the expired key can no longer be read");
            (await sweep.SweepOnce(CancellationToken.None))!.ExpiredKeys.ShouldBe(0);
        }
        finally
        {
            await using var drop = database.CreateCommand($"drop schema if exists {schema} cascade");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
