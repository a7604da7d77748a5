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

    /// <summary>
    /// Arms one of a service's fault hooks (all are configured, idle); returns where its marker will appear. A hook fires
    /// once per process: one used by an earlier scenario is reset (its marker removed, the service restarted) first.
    /// </summary>
    protected async Task<string> Arm(string service, string marker)
    {
        var markers = system.MarkerDirectory(service);
        if (File.Exists(Path.Combine(markers, marker)))
        {
            File.Delete(Path.Combine(markers, marker));
            File.Delete(Path.Combine(markers, marker + ".arm"));
            await system.Services.Stop(service);
            await system.Services.Restart(service);
        }
        File.WriteAllText(Path.Combine(markers, marker + ".arm"), "");
        return markers;
    }

    /// <summary>Cases each with a separated son whose reunification Reunification has opened and relayed.</summary>
    protected async Task<IReadOnlyList<Guid>> CasesWithOpenReunification(int count)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var id = await Operator.OpenCase();
            await Operator.ReportSeparation(id);
            ids.Add(id);
        });
        var list = string.Join(",", ids.Select(i => $"'{i}'"));
        await Eventually.True(async () => await Scalar(
            $"select count(*) from reunification.mt_events where type = 'reunification_opened' and stream_id in ({list})") == count,
            "the reunifications opened");
        // Relayed too, so a relay hook armed next counts only what the scenario does after this.
        var last = await Scalar($"select max(seq_id) from reunification.mt_events where type = 'reunification_opened' and stream_id in ({list})");
        await Eventually.True(async () => await RelayPosition("reunification") >= last, "the openings relayed");
        return [.. ids];
    }

    /// <summary>
    /// Cases each with the person's consent to share noted by Correspondence and one letter to the consulate drafted there
    /// (not sent: drafts are not relayed). Business times left to the services (now), so no reply is overdue yet.
    /// </summary>
    protected async Task<IReadOnlyList<(Guid Case, Guid Letter)>> CasesWithLetterDrafted(int count)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var id = await Operator.OpenCase();
            await Operator.GiveConsent(id);
            ids.Add(id);
        });
        var list = string.Join(",", ids.Select(i => $"'{i}'"));
        await Eventually.True(async () => await Scalar(
            $"select count(distinct stream_id) from correspondence.mt_events where type = 'sharing_consent_noted' and stream_id in ({list})") == count,
            "the consents noted by Correspondence");
        var letters = new System.Collections.Concurrent.ConcurrentBag<(Guid, Guid)>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (id, _) => letters.Add((id, await Operator.DraftLetter(id))));
        return [.. letters];
    }

    /// <summary>Sends these drafted letters, <paramref name="concurrency"/> at once: Correspondence publishes LetterSent, Intake notes it.</summary>
    protected Task Send(IEnumerable<(Guid Case, Guid Letter)> letters, int concurrency = 8) =>
        Parallel.ForEachAsync(letters, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (l, _) => await Operator.SendLetter(l.Case, l.Letter));

    /// <summary>Calls off these cases' reunifications, <paramref name="concurrency"/> at once.</summary>
    protected Task Cancel(IEnumerable<Guid> cases, int concurrency = 8) =>
        Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (id, _) => await Operator.CancelReunification(id));

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

    /// <summary>Effects in <paramref name="service"/> of the first crossing into it (from <paramref name="source"/> when given).</summary>
    protected Task<long> Applied(string service, string? source = null) =>
        Scalar($"select count(*) from {service}.mt_events where type = '{Conservation.Crossings.First(c => c.Target == service && (source is null || c.Source == source)).ResultEvent}'");

    protected Task<long> RelayPosition(string service) =>
        Scalar($"select coalesce(max(last_seq_id), 0) from {service}.mt_event_progression where name like 'outbox-relay%'");

    // The marker names of services/CaseFlow.ServiceDefaults/Faults/FaultHooks.cs.
    protected const string RelayPaused = "relay-paused";
    protected const string ConsumerPaused = "consumer-paused";
}
