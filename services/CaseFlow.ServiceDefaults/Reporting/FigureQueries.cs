using CaseFlow.Reporting.V1;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>
/// The aggregate queries of one statistics call, sent to PostgreSQL in one round trip and one transaction: every figure is
/// a GROUP BY or a percentile computed by the database, so no call ever loads a table into memory. Each statement sees the
/// scope as parameters: $1 center, $2 province (text, null for all), $3 period start, $4 period end (exclusive; null when
/// open-ended) and $5 as of (timestamptz).
/// </summary>
public sealed class FigureQueries(NpgsqlDataSource database, StatisticsScope scope)
{
    private readonly List<(string Sql, Func<NpgsqlDataReader, CancellationToken, Task> Read)> queries = [];
    private readonly List<string> shared = [];

    /// <summary>
    /// Rows that several figures of the call read (say, the scope's cases with their status as of $5), computed once per
    /// call into a temporary table that the call's transaction drops. As a CTE they were computed again by every figure's
    /// statement: over 10,000 cases that was nine tenths of the call. Returns the name the figures' SQL reads it by.
    /// A temporary table needs the primary: statistics cannot be read from a hot standby this way.
    /// </summary>
    public string Shared(string name, string sql)
    {
        shared.Add($"create temporary table {name} on commit drop as {sql}");
        return $"pg_temp.{name}";
    }

    /// <summary>Rows of (value text, count bigint), in the order the SQL gives.</summary>
    public Breakdown Breakdown(string key, string sql)
    {
        var figure = new Breakdown { Key = key };
        Rows(sql, r => figure.Counts.Add(new Count { Value = r.IsDBNull(0) ? "" : r.GetString(0), Count_ = r.GetInt64(1) }));
        return figure;
    }

    /// <summary>One row of (count bigint).</summary>
    public Total Total(string key, string sql)
    {
        var figure = new Total { Key = key };
        Rows(sql, r => figure.Count = r.GetInt64(0));
        return figure;
    }

    /// <summary>One row of (count bigint, median days, p90 days), the percentiles null when nothing was counted.</summary>
    public Duration Duration(string key, string sql)
    {
        var figure = new Duration { Key = key };
        Rows(sql, r =>
        {
            figure.Count = r.GetInt64(0);
            figure.MedianDays = Days(r, 1);
            figure.P90Days = Days(r, 2);
        });
        return figure;
    }

    /// <summary>One row of (numerator bigint, denominator bigint).</summary>
    public Share Share(string key, string sql)
    {
        var figure = new Share { Key = key };
        Rows(sql, r =>
        {
            figure.Numerator = r.GetInt64(0);
            figure.Denominator = r.GetInt64(1);
            figure.Share_ = figure.Denominator == 0 ? 0 : Math.Round((double)figure.Numerator / figure.Denominator, 4);
        });
        return figure;
    }

    public void Rows(string sql, Action<NpgsqlDataReader> row) => queries.Add((sql, async (reader, ct) =>
    {
        while (await reader.ReadAsync(ct)) row(reader);
    }));

    /// <summary>Days rounded to hundredths: figures that survive a rebuild bit for bit and read well.</summary>
    public static double Days(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? 0 : Math.Round(reader.GetDouble(column), 2);

    public async Task Run(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        // The planner estimates a view that unnests a jsonb array at 100 rows per row, so over 10,000 files its cost passes
        // jit_above_cost and PostgreSQL spent 600 ms compiling a 25 ms scan (GetReunificationStatistics, bench D2).
        batch.BatchCommands.Add(new NpgsqlBatchCommand("set local jit = off"));
        // The shared tables first; they answer no rows, so the reader's first result is the first figure's.
        foreach (var sql in shared.Concat(queries.Select(q => q.Sql))) batch.BatchCommands.Add(Scoped(sql));
        await using (var reader = await batch.ExecuteReaderAsync(ct))
            foreach (var (_, read) in queries)
            {
                await read(reader, ct);
                await reader.NextResultAsync(ct);
            }
        await transaction.CommitAsync(ct);
    }

    private NpgsqlBatchCommand Scoped(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(Parameter(scope.Center, NpgsqlDbType.Text));
        command.Parameters.Add(Parameter(scope.Province, NpgsqlDbType.Text));
        command.Parameters.Add(Parameter(scope.Start, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Parameter(scope.End, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Parameter(scope.AsOf, NpgsqlDbType.TimestampTz));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
