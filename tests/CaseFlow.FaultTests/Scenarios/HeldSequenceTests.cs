using CaseFlow.FaultTests.Harness;
using Npgsql;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>
/// A transaction takes an event sequence number and holds it uncommitted while later events commit — the gap an
/// event-store outbox must not skip past for good.
/// </summary>
public sealed class HeldSequenceTests(FaultSystem system) : Scenario(system)
{
    [Fact]
    public async Task An_event_committed_after_later_ones_is_still_relayed()
    {
        await Operator.OpenCase();
        var template = Operator.Opened.First();
        var heldCase = Guid.NewGuid();

        await using var db = new NpgsqlConnection(System.Postgres.ConnectionString);
        await db.OpenAsync();
        await using var holding = await db.BeginTransactionAsync();
        var heldSeq = await AppendCopyOfOpening(db, holding, template, heldCase);

        // Later events commit and cross while the earlier sequence number is still open.
        var later = await Operator.OpenCases(20);
        var laterSeq = await Scalar($"select min(seq_id) from intake.mt_events where stream_id = '{later[0]}'");
        laterSeq.ShouldBeGreaterThan(heldSeq, "the held number comes before the later events");
        // Held past the daemon's stale-sequence threshold (3 s), the point where a gap may be skipped.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await holding.CommitAsync();
        System.OpenedDirectly.Add(heldCase);

        var report = await Conserved();
        report.Lost.ShouldBe(0, "the event committed late was skipped by the relay");
    }

    /// <summary>A second opening event like the template's, on a new stream, inside the held transaction.</summary>
    private static async Task<long> AppendCopyOfOpening(NpgsqlConnection db, NpgsqlTransaction tx, Guid template, Guid heldCase)
    {
        var columns = await Columns(db, tx, "mt_events", except: ["seq_id", "id", "stream_id", "version", "timestamp"]);
        var streamColumns = await Columns(db, tx, "mt_streams", except: ["id", "version", "timestamp", "created"]);
        var sql = $"""
            insert into intake.mt_streams (id, version, timestamp, created{Prefixed(streamColumns)})
              select @held, 1, now(), now(){Prefixed(streamColumns)} from intake.mt_streams where id = @template;
            insert into intake.mt_events (seq_id, id, stream_id, version, timestamp{Prefixed(columns)})
              select nextval('intake.mt_events_sequence'), gen_random_uuid(), @held, 1, now(){Prefixed(columns)}
              from intake.mt_events where stream_id = @template and type = 'case_opened'
              returning seq_id;
            """;
        await using var command = new NpgsqlCommand(sql, db, tx);
        command.Parameters.AddWithValue("held", heldCase);
        command.Parameters.AddWithValue("template", template);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static string Prefixed(IEnumerable<string> columns) => string.Concat(columns.Select(c => ", " + c));

    private static async Task<IReadOnlyList<string>> Columns(NpgsqlConnection db, NpgsqlTransaction tx, string table, string[] except)
    {
        await using var command = new NpgsqlCommand(
            "select column_name from information_schema.columns where table_schema = 'intake' and table_name = @t order by ordinal_position", db, tx);
        command.Parameters.AddWithValue("t", table);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return [.. names.Except(except)];
    }
}
