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

    [Fact]
    public async Task A_prepared_statement_is_planned_for_its_parameters_on_every_call()
    {
        var (custom, generic) = await PlansOfARepeatedPage(mode: null);
        generic.ShouldBe(0L, "no generic plan");
        custom.ShouldBeGreaterThan(5L, "planned for each call beyond the five PostgreSQL always plans so");
    }

    [Fact]
    public async Task Without_the_setting_PostgreSQL_keeps_a_generic_plan_of_the_same_statement()
    {
        var (custom, generic) = await PlansOfARepeatedPage(mode: "auto");
        generic.ShouldBeGreaterThanOrEqualTo(1L, $"custom plans: {custom}");
    }

    /// <summary>
    /// The shape of Marten's page of events, run twelve times on one connection (a generic plan of it reads every event
    /// up to the ceiling); how often PostgreSQL planned it for its parameters and how often it used one generic plan.
    /// </summary>
    private static async Task<(long Custom, long Generic)> PlansOfARepeatedPage(string? mode)
    {
        var schema = "plan_t" + Guid.NewGuid().ToString("N")[..10];
        var config = new ConfigurationBuilder().AddInMemoryCollection(mode is null ? [] : [new(PooledConnections.PlanCacheSetting, mode)]).Build();
        var settings = PooledConnections.Settings(TestEnvironment.Postgres, config);
        settings.MaxPoolSize = 1;
        await using var database = NpgsqlDataSource.Create(settings.ConnectionString);
        await Run(database, $"create schema {schema}; create table {schema}.events (seq_id bigint primary key, stream_id int not null);" +
            $"insert into {schema}.events select n, n % 100 from generate_series(1, 20000) n; analyze {schema}.events");
        try
        {
            for (var page = 0; page < 12; page++)
            {
                await using var command = database.CreateCommand(
                    $"select seq_id from {schema}.events where seq_id > $1 and seq_id <= $2 order by seq_id limit 500");
                command.Parameters.Add(new NpgsqlParameter { Value = page * 500L });
                command.Parameters.Add(new NpgsqlParameter { Value = 20000L });
                await command.ExecuteNonQueryAsync();
            }
            await using var plans = database.CreateCommand("select custom_plans, generic_plans from pg_prepared_statements where statement like $1");
            plans.Parameters.Add(new NpgsqlParameter { Value = $"%{schema}.events%" });
            await using var row = await plans.ExecuteReaderAsync();
            (await row.ReadAsync()).ShouldBeTrue("repeated, the statement is prepared on its connection");
            return (row.GetInt64(0), row.GetInt64(1));
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
