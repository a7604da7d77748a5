using CaseFlow.Reporting.V1;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>
/// The aggregate queries of one statistics call, sent to PostgreSQL in one round trip: every figure is a GROUP BY or a
/// percentile computed by the database, so no call ever loads a table into memory. Each statement sees the scope as
/// parameters: $1 center, $2 province (text, null for all), $3 period start, $4 period end (exclusive; null when
/// open-ended) and $5 as of (timestamptz).
/// </summary>
public sealed class FigureQueries(NpgsqlDataSource database, StatisticsScope scope)
{
    private readonly List<(string Sql, Func<NpgsqlDataReader, CancellationToken, Task> Read)> queries = [];

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
        await using var batch = database.CreateBatch();
        foreach (var (sql, _) in queries)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(Parameter(scope.Center, NpgsqlDbType.Text));
            command.Parameters.Add(Parameter(scope.Province, NpgsqlDbType.Text));
            command.Parameters.Add(Parameter(scope.Start, NpgsqlDbType.TimestampTz));
            command.Parameters.Add(Parameter(scope.End, NpgsqlDbType.TimestampTz));
            command.Parameters.Add(Parameter(scope.AsOf, NpgsqlDbType.TimestampTz));
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var (_, read) in queries)
        {
            await read(reader, ct);
            await reader.NextResultAsync(ct);
        }
    }

    private static NpgsqlParameter Parameter(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
