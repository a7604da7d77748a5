using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Access;
using Npgsql;

namespace CaseFlow.ScaleOutTests.Harness;

/// <summary>
/// Who runs what: each instance's own answer (admin status: the daemon agents running in it), the advisory locks its
/// PostgreSQL sessions hold (pg_locks by application_name, caseflow-&lt;service&gt;@&lt;instance&gt;), and how many
/// messages each instance consumed (the inbox records name it).
/// </summary>
public sealed class Leadership(ReplicatedSystem system)
{
    public const string Relay = "outbox-relay";
    private readonly string token = DevelopmentTokens.Issue(system.SigningKey, "scaleout-supervisor", CallerRoles.Supervisor, null, TimeSpan.FromHours(2));

    /// <summary>The agents running in one instance, or null when it does not answer (killed, starting).</summary>
    public async Task<IReadOnlyList<string>?> Agents(string set, string service)
    {
        using var http = new HttpClient { BaseAddress = system.Replicas[set].HttpOf(service), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            var status = await http.GetFromJsonAsync<JsonObject>("/v1/admin/status");
            return [.. (status!["daemonAgents"]?.AsArray() ?? []).Select(a => a!.GetValue<string>())];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    /// <summary>The sets whose instance of <paramref name="service"/> runs the outbox relay right now.</summary>
    public async Task<IReadOnlyList<string>> RelayRunners(string service)
    {
        var runners = new List<string>();
        foreach (var set in ReplicatedSystem.Sets)
            if ((await Agents(set, service))?.Any(a => a.StartsWith(Relay, StringComparison.Ordinal)) == true) runners.Add(set);
        return runners;
    }

    /// <summary>Waits until exactly one instance runs the relay and returns its set.</summary>
    public async Task<string> RelayLeader(string service, TimeSpan? limit = null)
    {
        IReadOnlyList<string> runners = [];
        await Explained(service, () => Eventually.True(async () => (runners = await RelayRunners(service)).Count == 1,
            $"one {service} instance running the relay", limit));
        return runners[0];
    }

    /// <summary>The advisory locks held by sessions of a service's instances: (instance, backend pid, lock key).</summary>
    public async Task<IReadOnlyList<(string Instance, int Pid, long Key)>> AdvisoryLocks(string service)
    {
        await using var db = new NpgsqlConnection(system.Postgres.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select a.application_name, l.pid, (l.classid::bigint << 32) | l.objid::bigint
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.application_name like $1
            """, db);
        command.Parameters.AddWithValue($"caseflow-{service}@%");
        await using var reader = await command.ExecuteReaderAsync();
        var locks = new List<(string, int, long)>();
        while (await reader.ReadAsync()) locks.Add((reader.GetString(0).Split('@', 2)[1], reader.GetInt32(1), reader.GetInt64(2)));
        return locks;
    }

    /// <summary>
    /// What a failed wait needs to be understood from CI's output alone: each instance's agents, the advisory locks its
    /// sessions hold, and the last lines its log wrote about the daemon, its leadership or its locks.
    /// </summary>
    public async Task<string> Explain(string service)
    {
        var text = new System.Text.StringBuilder();
        IReadOnlyList<(string Instance, int Pid, long Key)> locks = [];
        try { locks = await AdvisoryLocks(service); } catch (NpgsqlException e) { text.AppendLine($"  pg_locks not readable: {e.Message}"); }
        foreach (var set in ReplicatedSystem.Sets)
        {
            var agents = await Agents(set, service);
            var held = locks.Where(l => l.Instance == $"{service}-{set}").Select(l => $"{l.Key} (pid {l.Pid})");
            text.AppendLine($"  {service}-{set}: agents [{(agents is null ? "no answer" : string.Join(", ", agents))}], advisory locks [{string.Join(", ", held)}]");
            var log = system.Replicas[set].LogOf(service);
            if (!File.Exists(log)) continue;
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var lines = (await reader.ReadToEndAsync()).Split('\n')
                .Where(l => l.Contains("lock", StringComparison.OrdinalIgnoreCase) || l.Contains("leader", StringComparison.OrdinalIgnoreCase)
                    || l.Contains("daemon", StringComparison.OrdinalIgnoreCase) || l.Contains("agent", StringComparison.OrdinalIgnoreCase))
                .TakeLast(15);
            foreach (var line in lines) text.AppendLine($"    | {(line.Length > 300 ? line[..300] + "…" : line)}");
        }
        var others = locks.Where(l => !ReplicatedSystem.Sets.Any(set => l.Instance == $"{service}-{set}")).ToList();
        if (others.Count > 0) text.AppendLine($"  other sessions' locks: {string.Join(", ", others.Select(l => $"{l.Instance} {l.Key} (pid {l.Pid})"))}");
        return text.ToString();
    }

    /// <summary>Runs a wait; when it gives up, the exception carries <see cref="Explain"/> of the service.</summary>
    public async Task Explained(string service, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{await Explain(service)}", e);
        }
    }

    /// <summary>Messages each instance of a service consumed, from its inbox records.</summary>
    public async Task<IReadOnlyDictionary<string, long>> Consumed(string service)
    {
        await using var db = new NpgsqlConnection(system.Postgres.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select coalesce(data->>'Instance', data->>'instance', '?'), count(*) from {service}.mt_doc_processedmessage group by 1", db);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
