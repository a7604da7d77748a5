using Npgsql;

namespace CaseFlow.FaultTests.Harness;

/// <summary>What the scenarios share: the system, its conservation check, and switching a service's fault hooks on.</summary>
[Collection(FaultCollection.Name)]
public abstract class Scenario(FaultSystem system)
{
    protected FaultSystem System => system;
    protected Operator Operator => system.Operator;

    protected Task<Conservation.Report> Conserved() =>
        system.Conservation.Verify([.. Operator.Opened], [.. system.OpenedDirectly], system.PoisonSent);

    /// <summary>Arms one of a service's fault hooks (all are configured, idle); returns where its marker will appear.</summary>
    protected string Arm(string service, string marker)
    {
        var markers = system.MarkerDirectory(service);
        File.Exists(Path.Combine(markers, marker)).ShouldBeFalse($"{service}'s {marker} hook was used already");
        File.WriteAllText(Path.Combine(markers, marker + ".arm"), "");
        return markers;
    }

    /// <summary>Waits for a hook's marker and returns its fields (key=value).</summary>
    protected static async Task<IReadOnlyDictionary<string, string>> Marker(string directory, string marker)
    {
        var path = Path.Combine(directory, marker);
        await Eventually.True(() => Task.FromResult(File.Exists(path)), $"fault hook marker {marker}");
        return (await File.ReadAllTextAsync(path)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
    }

    protected async Task<long> Scalar(string sql)
    {
        await using var db = new NpgsqlConnection(system.Postgres.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    protected Task<long> Applied(string service) =>
        Scalar($"select count(*) from {service}.mt_events where type = '{Conservation.Crossings.First(c => c.Target == service).ResultEvent}'");

    protected Task<long> RelayPosition(string service) =>
        Scalar($"select coalesce(max(last_seq_id), 0) from {service}.mt_event_progression where name like 'outbox-relay%'");

    // The marker names of services/CaseFlow.ServiceDefaults/Faults/FaultHooks.cs.
    protected const string RelayPaused = "relay-paused";
    protected const string ConsumerPaused = "consumer-paused";
}
