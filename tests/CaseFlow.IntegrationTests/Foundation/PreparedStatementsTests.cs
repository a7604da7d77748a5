using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.EventStore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// The services' pools prepare the statements they repeat (PooledConnections). What that costs when a new release
/// replaces a view under a running instance: the prepared statement fails once on its connection, never again.
/// </summary>
public sealed class PreparedStatementsTests
{
    [Fact]
    public async Task A_view_replaced_under_a_prepared_statement_fails_it_once_then_it_is_prepared_afresh()
    {
        var schema = "prep_t" + Guid.NewGuid().ToString("N")[..10];
        var settings = PooledConnections.Settings(TestEnvironment.Postgres, new ConfigurationBuilder().Build());
        settings.MaxPoolSize = 1; // one connection: every call below runs on the session that prepared the statement
        await using var database = NpgsqlDataSource.Create(settings.ConnectionString);
        await Run(database, $"create schema {schema}; create view {schema}.figures as select 1 as cases");
        try
        {
            for (var i = 0; i < 10; i++) (await Cases(database, schema)).ShouldBe(1);
            (await Prepared(database, schema)).ShouldBe(1, "repeated five times, the statement is prepared on its connection");

            await Run(database, $"create or replace view {schema}.figures as select 2 as cases, 3 as letters");

            var failures = 0;
            for (var i = 0; i < 10; i++)
            {
                try
                {
                    (await Cases(database, schema)).ShouldBe(2);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.FeatureNotSupported)
                {
                    failures++;
                }
            }
            failures.ShouldBeLessThanOrEqualTo(1);
        }
        finally
        {
            await Run(database, $"drop schema {schema} cascade");
        }
    }

    private static async Task<int> Cases(NpgsqlDataSource database, string schema)
    {
        await using var command = database.CreateCommand($"select * from {schema}.figures");
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> Prepared(NpgsqlDataSource database, string schema)
    {
        await using var command = database.CreateCommand("select count(*) from pg_prepared_statements where statement like $1");
        command.Parameters.Add(new NpgsqlParameter { Value = $"%{schema}.figures%" });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Run(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
