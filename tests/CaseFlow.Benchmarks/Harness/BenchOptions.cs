namespace CaseFlow.Benchmarks.Harness;

/// <summary>Where the bench runs and how big each item is; <c>--quick</c> shrinks every item, never skips one.</summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }
    /// <summary>Connection string of the bench's own database (created when missing).</summary>
    public required string Postgres { get; init; }
    /// <summary>AMQP URI of the broker, without virtual host; the bench creates <see cref="VirtualHost"/>.</summary>
    public required Uri Amqp { get; init; }
    public required Uri Management { get; init; }
    public string VirtualHost { get; init; } = "caseflow-bench";
    /// <summary>Prefix of the services' schemas ("" = the services' own names), so a test can run beside a bench.</summary>
    public string SchemaPrefix { get; init; } = "";
    /// <summary>First of the six ports (Intake http/grpc = +0/+1, Correspondence +10/+11, Reunification +20/+21); 0 = free ports.</summary>
    public int BasePort { get; init; } = 5410;
    public required string Repo { get; init; }
    public string Configuration { get; init; } = "Release";
    public required string OutputPath { get; init; }
    public required string LogsDir { get; init; }
    public bool KeepData { get; init; }
    /// <summary>Extra settings for the services (KEY=VALUE environment variables), to measure a change before making it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServiceEnvironment { get; init; } = [];
    /// <summary>Only these items (all when empty); baselines a figure is compared with still run.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public int? P1Rate { get; init; }
    /// <summary>2: P2 again with a second instance of each service beside the first (P2.replicas).</summary>
    public int Replicas { get; init; } = 1;
    /// <summary>--repeat N: the baselines and every item N times on the same services; figures are medians with min and max.</summary>
    public int Repeat { get; init; } = 1;

    public Sizes Size => (Quick ? Sizes.QuickRun : Sizes.FullRun) is var size && P1Rate is { } rate
        ? size with { P1RatePerSecond = rate }
        : size;

    public bool Runs(string item) => Only.Count == 0 || Only.Contains(item);
}

public sealed record Sizes(
    TimeSpan L1Duration, int L2Messages, int L3Rows,
    TimeSpan WarmUp, TimeSpan ApiDuration, int ApiClients,
    TimeSpan P1Duration, int P1RatePerSecond, int P2Cases,
    int R1Events, int H1Events, int H1Calls, int Q1Calls, int D1Calls, int D2Cases, int D2Calls, TimeSpan DrainTimeout)
{
    public static readonly Sizes FullRun = new(
        L1Duration: TimeSpan.FromSeconds(5), L2Messages: 50_000, L3Rows: 200_000,
        WarmUp: TimeSpan.FromSeconds(3), ApiDuration: TimeSpan.FromSeconds(10), ApiClients: 16,
        P1Duration: TimeSpan.FromSeconds(30), P1RatePerSecond: 100, P2Cases: 10_000,
        R1Events: 200_000, H1Events: 1_000, H1Calls: 200, Q1Calls: 300, D1Calls: 200, D2Cases: 10_000, D2Calls: 100, DrainTimeout: TimeSpan.FromMinutes(3));

    public static readonly Sizes QuickRun = new(
        L1Duration: TimeSpan.FromSeconds(1), L2Messages: 1_000, L3Rows: 10_000,
        WarmUp: TimeSpan.FromSeconds(1), ApiDuration: TimeSpan.FromSeconds(2), ApiClients: 16,
        P1Duration: TimeSpan.FromSeconds(3), P1RatePerSecond: 100, P2Cases: 200,
        R1Events: 5_000, H1Events: 500, H1Calls: 20, Q1Calls: 30, D1Calls: 10, D2Cases: 200, D2Calls: 10, DrainTimeout: TimeSpan.FromMinutes(1));
}
