using System.Text.Json;
using CaseFlow.Benchmarks;
using CaseFlow.Benchmarks.Harness;

namespace CaseFlow.Benchmarks.Tests;

/// <summary>
/// The quick bench against the test PostgreSQL and RabbitMQ (started by ./caseflow test), in its own schemas,
/// virtual host and free ports. Figures depend on the machine: only that every item is measured is asserted.
/// </summary>
public class QuickBenchTests
{
    private static readonly string[] EveryItem =
    [
        "L1.c1", "L1.c1.p50", "L1.c1.p99", "L1.c8", "L1.c8.p50", "L1.c8.p99", "L2", "L2.p50", "L2.p99", "L2.steady.p50", "L2.steady.p99", "L3",
        "L4", "L4.p50", "L4.p99", "L4.pgcpu", "A1.l1", "P2.l4",
        "A1", "A1.p50", "A1.p99", "A1.cpu", "A2", "A2.p50", "A2.p99", "A3", "A3.p50", "A3.p99",
        "P1.p50", "P1.p99", "P1.max", "P2", "R1", "R1.min", "R1.max", "H1.history.p50", "H1.asof.p50", "H1.asoft.p50", "Q1.p50", "Q1.p99",
        "D1.sql.p50", "D1.caseload.p50", "D1.caseload.p99", "D1.correspondence.p50", "D1.correspondence.p99", "D1.reunification.p50", "D1.reunification.p99",
        "D2.sql.page.p50", "D2.page.p50", "D2.page.p99", "D2.sql.caseload.p50", "D2.caseload.p50", "D2.caseload.p99",
        "D2.sql.correspondence.p50", "D2.correspondence.p50", "D2.correspondence.p99", "D2.sql.reunification.p50", "D2.reunification.p50", "D2.reunification.p99",
        "M1.intake", "M1.correspondence", "M1.reunification",
        // The same items with personal data stored plain, beside the encrypted figures (ratio = encrypted / plain).
        "A1.plain", "A1.plain.p50", "A1.plain.p99", "A1.plain.cpu", "P1.plain.p50", "P1.plain.p99",
        "H1.plain.history.p50", "H1.plain.asof.p50", "H1.plain.asoft.p50",
    ];

    /// <summary>The items pg_stat_statements is read for, when the server has it loaded.</summary>
    private static readonly string[] StatementItems = ["L4", "A1", "A2", "A3", "P1", "P2", "Q1", "H1", "R1"];

    [Fact]
    public async Task Quick_bench_measures_every_item_and_writes_them_as_json()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(Path.GetTempPath(), $"caseflow-bench-test-{id}");
        var options = new BenchOptions
        {
            Quick = true,
            Postgres = Required("CASEFLOW_TEST_POSTGRES"),
            Amqp = new Uri(Required("CASEFLOW_TEST_RABBITMQ")),
            Management = new Uri(Required("CASEFLOW_TEST_RABBITMQ_MANAGEMENT")),
            VirtualHost = $"caseflow-bench-{id}",
            SchemaPrefix = $"bench_{id}_",
            BasePort = 0,
            Repo = BenchArguments.FindRepo(),
            Configuration = BenchArguments.ThisConfiguration,
            OutputPath = Path.Combine(output, "latest.json"),
            LogsDir = Path.Combine(output, "logs"),
        };
        try
        {
            var results = await new BenchRun(options).Execute();

            foreach (var item in EveryItem)
            {
                var figure = results.Figures.SingleOrDefault(f => f.Id == item);
                figure.ShouldNotBeNull($"{item} was not measured");
                double.IsFinite(figure.Value).ShouldBeTrue($"{item} = {figure.Value}");
            }
            results.Figures.Where(f => f.Target is not null).ShouldAllBe(f => f.Met != null);
            results.Figures.Single(f => f.Id == "P1.lost").Value.ShouldBe(0.0, "cases lost in P1");
            foreach (var plain in EveryItem.Where(i => i.Contains(".plain", StringComparison.Ordinal)))
                results.Figures.Single(f => f.Id == plain).Ratio.ShouldNotBeNull($"{plain} has no encrypted / plain ratio");

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(options.OutputPath));
            var written = json.RootElement.EnumerateArray().ToList();
            written.Select(f => f.GetProperty("id").GetString()).ShouldBe(results.Figures.Select(f => f.Id));
            foreach (var field in new[] { "id", "value", "unit", "baseline", "ratio", "target", "met" })
                foreach (var figure in written)
                    figure.TryGetProperty(field, out var present).ShouldBeTrue($"{field} missing in {figure}");

            using var context = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(options.OutputPath, ".context.json")));
            var compared = context.RootElement.GetProperty("encryption").GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("comparedId").GetString()).ToList();
            compared.ShouldNotBeEmpty();
            compared.ShouldBeSubsetOf(results.Figures.Select(f => f.Id));

            var settings = context.RootElement.GetProperty("postgres");
            foreach (var setting in new[] { "fsync", "synchronous_commit", "shared_buffers", "max_connections" })
                settings.GetProperty(setting).GetString().ShouldNotBeNullOrEmpty(setting);
            // Statements per case where the server loads pg_stat_statements; elsewhere the reason, and no figure pretending.
            var statements = context.RootElement.GetProperty("statements");
            var measured = statements.GetProperty("measured").GetString()!;
            if (measured == "yes")
            {
                var items = statements.GetProperty("items").EnumerateArray().ToList();
                foreach (var item in StatementItems)
                {
                    var read = items.SingleOrDefault(i => i.GetProperty("Id").GetString() == item);
                    read.ValueKind.ShouldBe(JsonValueKind.Object, $"no statements read for {item}");
                    read.GetProperty("Statements").GetInt64().ShouldBeGreaterThan(0, item);
                    read.GetProperty("Top").GetArrayLength().ShouldBeInRange(1, PgStatements.TopCount, item);
                    results.Figures.ShouldContain(f => f.Id == $"{item}.stmts" && double.IsFinite(f.Value), $"{item}.stmts");
                }
            }
            else
            {
                measured.ShouldStartWith("pg_stat_statements not");
                results.Figures.ShouldNotContain(f => f.Id.EndsWith(".stmts", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with ./caseflow test");
}
