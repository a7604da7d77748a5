using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// How every pool of a service hands connections back: without Npgsql's DISCARD ALL, which ran ~14 times per case and
/// threw away each session's cached plans (P2.cpu 18.0 → 12.3 ms per case, docs/benchmark.md "Levers"). Safe because
/// nothing here leaves session state on a connection: every advisory lock CaseFlow takes is transaction-scoped, Marten
/// unlocks its daemon's session locks before it closes their connection, and nothing sets session variables.
/// Statements run five times on a connection are prepared there (Npgsql's auto-prepare): PostgreSQL then neither parses
/// nor plans them again, which was a third of its CPU per case (P2: 7.0–7.4 → 4.6–5.1 ms, docs/benchmark.md "Levers").
/// A schema change that alters a prepared statement's result (a view replaced by a new release) fails that statement
/// once per connection; Npgsql then drops it, and the next attempt prepares it afresh.
/// Prepared statements are still planned for their parameters on every call (plan_cache_mode=force_custom_plan): after
/// five calls PostgreSQL may otherwise keep one generic plan, and for Marten's page of events (seq_id between the
/// daemon's mark and the high-water mark, first 500) that plan joins and sorts every event up to the ceiling before
/// taking 500. A rebuild or a relay catching up on a backlog then reads the whole backlog for every page: R1 ran 3–8×
/// slower on the connections that had chosen it (docs/benchmark.md, "Generic plans"). Planning costs ~0.4 ms of
/// PostgreSQL time per case; parsing is still saved.
/// </summary>
public static class PooledConnections
{
    /// <summary>Only so that ./caseflow bench can measure the lever against Npgsql's default.</summary>
    public const string ResetSetting = "EventStore:ResetConnectionsOnClose";

    /// <summary>Npgsql's Max Auto Prepare for the service's pools, unless the connection string sets it; 0 switches it off.</summary>
    public const string AutoPrepareSetting = "EventStore:MaxAutoPrepare";

    /// <summary>PostgreSQL's plan_cache_mode for the service's sessions unless the connection string's Options set one; "auto" is PostgreSQL's default.</summary>
    public const string PlanCacheSetting = "EventStore:PlanCacheMode";

    public static NpgsqlConnectionStringBuilder Settings(string connectionString, IConfiguration config)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!config.GetValue(ResetSetting, false)) settings.NoResetOnClose = true;
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = config.GetValue(AutoPrepareSetting, 64);
        if (settings.Options?.Contains("plan_cache_mode") != true)
            settings.Options = $"{settings.Options} -c plan_cache_mode={PlanCacheMode(config)}".Trim();
        return settings;
    }

    private static string PlanCacheMode(IConfiguration config)
    {
        var mode = config.GetValue(PlanCacheSetting, "force_custom_plan")!;
        return mode is "force_custom_plan" or "auto" or "force_generic_plan"
            ? mode
            : throw new InvalidOperationException($"{PlanCacheSetting} must be force_custom_plan, auto or force_generic_plan, not '{mode}'");
    }
}
