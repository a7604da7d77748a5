using CaseFlow.ServiceDefaults.EventStore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>
/// Which PostgreSQL backends serve the harness's own connections (its polling for arrivals, its baselines), found by
/// the application name every harness connection carries, so that their CPU is not counted as the pipeline's.
/// </summary>
public sealed class HarnessBackends(NpgsqlConnection connection) : IAsyncDisposable
{
    public const string ApplicationName = "caseflow-bench-harness";

    /// <summary>
    /// The bench's connection string, naming its connections as the harness's, with the services' pool settings
    /// (PooledConnections: no <c>DISCARD ALL</c>, repeated statements prepared), so the raw baselines pay no more per
    /// statement than the services do.
    /// </summary>
    public static string Named(string connectionString)
    {
        var settings = PooledConnections.Settings(connectionString, new ConfigurationBuilder().Build());
        settings.ApplicationName = ApplicationName;
        return settings.ConnectionString;
    }

    public static async Task<HarnessBackends> Open(string connectionString)
    {
        var connection = new NpgsqlConnection(Named(connectionString));
        await connection.OpenAsync();
        return new HarnessBackends(connection);
    }

    /// <summary>The backends' process ids now (read between phases, so synchronously).</summary>
    public IReadOnlySet<int> Pids()
    {
        lock (connection)
        {
            using var query = new NpgsqlCommand($"{PgStatements.Tag}select pid from pg_stat_activity where application_name = $1", connection);
            query.Parameters.Add(new NpgsqlParameter { Value = ApplicationName });
            using var reader = query.ExecuteReader();
            var pids = new HashSet<int>();
            while (reader.Read()) pids.Add(reader.GetInt32(0));
            return pids;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
