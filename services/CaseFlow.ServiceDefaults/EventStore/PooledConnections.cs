using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// How every pool of a service hands connections back: without Npgsql's DISCARD ALL, which ran ~14 times per case and
/// threw away each session's cached plans (P2.cpu 18.0 → 12.3 ms per case, docs/benchmark.md "Levers"). Safe because
/// nothing here leaves session state on a connection: every advisory lock CaseFlow takes is transaction-scoped, Marten
/// unlocks its daemon's session locks before it closes their connection, and nothing sets session variables.
/// </summary>
public static class PooledConnections
{
    /// <summary>Only so that ./caseflow bench can measure the lever against Npgsql's default.</summary>
    public const string ResetSetting = "EventStore:ResetConnectionsOnClose";

    /// <summary>Npgsql's Max Auto Prepare for the service's pools, unless the connection string sets it.</summary>
    public const string AutoPrepareSetting = "EventStore:MaxAutoPrepare";

    public static NpgsqlConnectionStringBuilder Settings(string connectionString, IConfiguration config)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!config.GetValue(ResetSetting, false)) settings.NoResetOnClose = true;
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = config.GetValue(AutoPrepareSetting, 0);
        return settings;
    }
}
