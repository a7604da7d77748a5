using System.Text.Json;
using CaseFlow.Cli.Demo;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Npgsql;
using Xunit.Abstractions;

namespace CaseFlow.IntegrationTests.Capacity;

/// <summary>
/// The measured input of docs/scaling.md's capacity model: demo cases (<c>caseflow demo --cases N</c>, the same
/// generator) loaded through the public APIs into fresh schemas, then per service the events and the bytes on disk
/// they added (tables, indexes and TOAST of the service's event store, its keys and its reporting schema: after
/// minus before, so empty tables do not count). N is CASEFLOW_CAPACITY_CASES (default 40, a quick check that the
/// figures are produced); the figures go to the test output and, under CASEFLOW_REPO, to .caseflow/capacity/storage-per-case.json.
/// </summary>
public sealed class StoragePerCaseTests(CaseFlowSystem system, ITestOutputHelper output) : IClassFixture<CaseFlowSystem>
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CASEFLOW_CAPACITY_CASES"), out var n) ? n : 40;

    [Fact]
    public async Task Demo_cases_are_measured_in_events_and_bytes_per_case()
    {
        var services = new[] { system.Intake, system.Correspondence, system.Reunification };
        var before = new Dictionary<string, Figures>();
        foreach (var service in services) before[service.Name] = await Measure(service);

        var loaded = await new SyntheticCases(
            center => system.Apis(system.Token(Caller.Operator, center, $"lawyer-{center}")),
            system.Apis(system.Token(Caller.Supervisor, center: null, user: "coordinator")), seed: 2020).Load(Cases, _ => { }, CancellationToken.None);
        loaded.CaseIds.Count.ShouldBe(Cases);
        await SettledEvents.Of(system, services);

        var perCase = new Dictionary<string, object>();
        foreach (var service in services)
        {
            var added = (await Measure(service)).Minus(before[service.Name]);
            added.Events.ShouldBeGreaterThanOrEqualTo(Cases, $"{service.Name}: every case has a stream in every service");
            added.Bytes.ShouldBeGreaterThan(0);
            perCase[service.Name] = new
            {
                events = Math.Round((double)added.Events / Cases, 1),
                eventsWithoutAccessLog = Math.Round((double)added.EventsWithoutAccessLog / Cases, 1),
                eventJsonBytes = Math.Round((double)added.EventJsonBytes / Cases),
                bytesOnDisk = Math.Round((double)added.Bytes / Cases),
            };
        }
        var report = JsonSerializer.Serialize(new
        {
            cases = Cases, loaded.Letters, loaded.Flights, loaded.Closed, loaded.Separated, measuredAt = DateTimeOffset.UtcNow, perCase,
        }, new JsonSerializerOptions { WriteIndented = true });
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CASEFLOW_REPO") is { Length: > 0 } repo)
        {
            var folder = Path.Combine(repo, ".caseflow", "capacity");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "storage-per-case.json"), report);
        }
    }

    private sealed record Figures(long Events, long EventsWithoutAccessLog, long EventJsonBytes, long Bytes)
    {
        public Figures Minus(Figures other) => new(Events - other.Events, EventsWithoutAccessLog - other.EventsWithoutAccessLog,
            EventJsonBytes - other.EventJsonBytes, Bytes - other.Bytes);
    }

    private async Task<Figures> Measure(RunningService service)
    {
        var schema = system.Schema(service);
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select (select count(*) from {schema}.mt_events),
                   (select count(*) from {schema}.mt_events where type <> 'personal_data_read'),
                   (select coalesce(sum(pg_column_size(data)), 0) from {schema}.mt_events),
                   (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = any($1) and c.relkind in ('r', 'm'))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { schema, $"{schema}_keys", system.ReportingSchema(service) } });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Figures(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Convert.ToInt64(reader.GetValue(3)));
    }
}
