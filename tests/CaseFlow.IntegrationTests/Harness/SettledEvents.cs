using Npgsql;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>
/// The events of a system's services once messages stop adding any, by service and event type, leaving out the access
/// log (reads add to it). Quiet means unchanged for longer than the longest redelivery interval (5 s, MessagingSetup):
/// a message waiting out a retry would otherwise land after the count was taken; and each service's outbox relay has
/// passed its last event, so nothing is still waiting to be published (a busy machine slows the daemon, not the count).
/// </summary>
public static class SettledEvents
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<IReadOnlyDictionary<string, long>> Of(CaseFlowSystem system, params RunningService[] services)
    {
        var last = new SortedDictionary<string, long>();
        var quietSince = DateTimeOffset.UtcNow;
        while (true)
        {
            var now = new SortedDictionary<string, long>();
            foreach (var service in services)
                foreach (var (type, count) in await ByType(system, service))
                    now[$"{service.Name}/{type}"] = count;
            var relayed = true;
            foreach (var service in services) relayed &= await Relayed(system, service);
            if (!now.SequenceEqual(last) || !relayed) quietSince = DateTimeOffset.UtcNow;
            else if (DateTimeOffset.UtcNow - quietSince >= Quiet) return now;
            last = now;
            await Task.Delay(Poll);
        }
    }

    /// <summary>What differs between two counts, e.g. "intake/travel_arranged 3 → 4", for an assertion's message.</summary>
    public static string Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", before.Keys.Union(after.Keys).Order()
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Select(key => $"{key} {before.GetValueOrDefault(key)} → {after.GetValueOrDefault(key)}"));

    private static async Task<bool> Relayed(CaseFlowSystem system, RunningService service)
    {
        var schema = system.Schema(service);
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select coalesce((select max(last_seq_id) from {schema}.mt_event_progression where name like 'outbox-relay%'), 0) " +
            $">= coalesce((select max(seq_id) from {schema}.mt_events where type <> 'personal_data_read'), 0)", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(string, long)>> ByType(CaseFlowSystem system, RunningService service)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select type, count(*) from {system.Schema(service)}.mt_events where type <> 'personal_data_read' group by type", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new List<(string, long)>();
        while (await reader.ReadAsync()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }
}
