using System.Text.RegularExpressions;
using Npgsql;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>
/// What an item asked of PostgreSQL, from <c>pg_stat_statements</c> over the bench database: reset before the item,
/// read once the pipeline is quiet again, so the relay's and the consumers' statements count with the calls that
/// caused them. The harness's own statements (polling for arrivals, baselines) carry <see cref="Tag"/> and are left out.
/// Without the extension loaded (it needs <c>shared_preload_libraries</c> and a restart) every item says why instead.
/// </summary>
public sealed partial class PgStatements(NpgsqlDataSource db)
{
    /// <summary>Leading comment of every statement the harness issues itself; pg_stat_statements keeps it in the text.</summary>
    public const string Tag = "/* bench harness */ ";
    public const int TopCount = 10;
    private const int QueryLength = 160;
    private const string OurDatabase = "(select oid from pg_database where datname = current_database())";

    public sealed record Statement(string Query, double CallsPerOperation, double MsPerOperation);

    /// <param name="Per">what one operation is: case, consultation, page, read, event.</param>
    /// <param name="Ms">total_exec_time + total_plan_time (plan time is 0 unless pg_stat_statements.track_planning is on).</param>
    /// <param name="All">every statement shape, the harness's left out (the context file; the report prints <paramref name="Top"/>).</param>
    public sealed record Item(string Id, int Run, long Operations, string Per, long Statements, double Ms,
        double StatementsPerOperation, double MsPerOperation, IReadOnlyList<Statement> Top, IReadOnlyList<Statement> All);

    private readonly List<Item> items = [];
    public IReadOnlyList<Item> Items => items;

    /// <summary>null when measured; else why not ("pg_stat_statements not loaded ...").</summary>
    public string? Unavailable { get; private set; } = "not prepared";

    /// <summary>The repetition (--repeat) the items read now belong to.</summary>
    public int Run { get; set; } = 1;

    public async Task Prepare()
    {
        if (!await Exists("select 1 from pg_available_extensions where name = 'pg_stat_statements'"))
        {
            Unavailable = "pg_stat_statements not available: this PostgreSQL ships no such extension (contrib)";
            return;
        }
        if (!await Exists("select 1 where 'pg_stat_statements' = any(string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ','))"))
        {
            Unavailable = "pg_stat_statements not loaded: PostgreSQL was started without shared_preload_libraries=pg_stat_statements " +
                "(infra/postgres.sh sets it; it takes effect at the server's next start)";
            return;
        }
        try
        {
            await Execute("create extension if not exists pg_stat_statements");
            Unavailable = null;
        }
        catch (PostgresException e)
        {
            Unavailable = $"pg_stat_statements not usable: {e.MessageText}";
        }
    }

    /// <summary>Forgets what this database's statements did so far (other databases of the server keep theirs).</summary>
    public async Task Reset()
    {
        if (Unavailable is null) await Execute($"select pg_stat_statements_reset(0, {OurDatabase}, 0)");
    }

    /// <summary>Everything since <see cref="Reset"/>, per operation of the item; null when not available.</summary>
    public async Task<Item?> Read(string id, long operations, string per)
    {
        if (Unavailable is not null || operations <= 0) return null;
        await using var command = db.CreateCommand($"""
            {Tag}select calls, total_exec_time + total_plan_time, query from pg_stat_statements
            where dbid = {OurDatabase} and query not like '{Tag.Trim()}%'
            order by total_exec_time + total_plan_time desc
            """);
        var all = new List<(long Calls, double Ms, string Query)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) all.Add((reader.GetInt64(0), reader.GetDouble(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
        var statements = all.Sum(s => s.Calls);
        var ms = all.Sum(s => s.Ms);
        var item = new Item(id, Run, operations, per, statements, Math.Round(ms, 1),
            Math.Round((double)statements / operations, 2), Math.Round(ms / operations, 3),
            [.. all.Take(TopCount).Select(Per)], [.. all.Select(s => Per(s) with { Query = Spaces().Replace(s.Query, " ").Trim() })]);
        items.Add(item);
        return item;

        Statement Per((long Calls, double Ms, string Query) s) =>
            new(Trimmed(s.Query), Math.Round((double)s.Calls / operations, 3), Math.Round(s.Ms / operations, 3));
    }

    /// <summary>The top statements of every item of the last repetition, for the end of the report.</summary>
    public string Table()
    {
        var text = new System.Text.StringBuilder();
        if (Unavailable is not null) return $"statements per operation: {Unavailable}\n";
        var lastRun = items.Count == 0 ? 0 : items.Max(i => i.Run);
        foreach (var item in items.Where(i => i.Run == lastRun))
        {
            text.AppendLine($"{item.Id}: {item.StatementsPerOperation:0.##} statements and {item.MsPerOperation:0.###} ms of PostgreSQL time per {item.Per} " +
                $"({item.Operations:N0} {item.Per}s); top {item.Top.Count}:");
            text.AppendLine($"| {"calls/" + item.Per,14} | {"ms/" + item.Per,12} | query");
            foreach (var s in item.Top) text.AppendLine($"| {s.CallsPerOperation,14:0.##} | {s.MsPerOperation,12:0.###} | {s.Query}");
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Trimmed(string query)
    {
        var flat = Spaces().Replace(query, " ").Trim();
        return flat.Length <= QueryLength ? flat : flat[..QueryLength] + " …";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private async Task<bool> Exists(string sql)
    {
        await using var command = db.CreateCommand(Tag + sql);
        return await command.ExecuteScalarAsync() is not null;
    }

    private async Task Execute(string sql)
    {
        await using var command = db.CreateCommand(Tag + sql);
        await command.ExecuteNonQueryAsync();
    }
}
