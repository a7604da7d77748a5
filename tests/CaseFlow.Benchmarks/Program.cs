using System.Reflection;
using CaseFlow.Benchmarks;
using CaseFlow.Benchmarks.Harness;

// ./caseflow bench [--quick] passes the infrastructure it started; run by hand:
//   dotnet tests/CaseFlow.Benchmarks/bin/Release/net10.0/CaseFlow.Benchmarks.dll --help
try
{
    var options = BenchArguments.Parse(args);
    if (options is null) return 0;
    using var stop = new CancellationTokenSource();
    await new BenchRun(options).Execute();
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}\n{BenchArguments.Usage}");
    return 2;
}
catch (Exception e)
{
    Console.Error.WriteLine($"bench: FAILED: {e}");
    return 1;
}

public static class BenchArguments
{
    public const string Usage = """
        usage: CaseFlow.Benchmarks [--quick] [options]
          --quick                 every item at a small size (under two minutes)
          --postgres <conn>       the bench database (created when missing)   [$CASEFLOW_BENCH_POSTGRES]
          --amqp <uri>            broker, no virtual host                       [$CASEFLOW_BENCH_RABBITMQ]
          --management <url>      RabbitMQ management API                       [$CASEFLOW_BENCH_RABBITMQ_MANAGEMENT]
          --vhost <name>          virtual host of the run (default caseflow-bench; dropped and recreated)
          --schema-prefix <p>     prefix of the services' schemas (default none: intake, correspondence, reunification)
          --base-port <n>         Intake n/n+1, Correspondence n+10/n+11, Reunification n+20/n+21 (default 5410; 0 = free ports)
          --out <file>            results (default <repo>/.caseflow/bench/latest.json)
          --logs <dir>            service logs (default <repo>/.caseflow/bench/logs)
          --service-env K=V       extra setting for every service (repeatable), e.g. EventStore__SlowPollingMs=1000
          --only <ids>            comma-separated items to run, e.g. P1,P2 (their baselines still run)
          --p1-rate <n>           P1's steady rate in cases/s (default 100)
          --replicas 2            after P2, start a second instance of each service and run P2's burst again
                                  (P2.replicas: drain rate with two instances against one, docs/scaling-out.md)
          --repeat <n>            the baselines and every item n times on the same services (default 1): each figure is
                                  the median of the n, with min and max (table, latest.json "min"/"max"/"runs")
          --keep-data             keep the schemas and virtual host after the run
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var env = new List<KeyValuePair<string, string>>();
        bool quick = false, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--keep-data": keep = true; break;
                case "-h" or "--help": Console.WriteLine(Usage); return null;
                case "--service-env":
                    var pair = Next(args, ref i).Split('=', 2);
                    if (pair.Length != 2) throw new ArgumentException("--service-env takes KEY=VALUE");
                    env.Add(new(pair[0], pair[1]));
                    break;
                case "--postgres" or "--amqp" or "--management" or "--vhost" or "--schema-prefix" or "--base-port"
                    or "--out" or "--logs" or "--only" or "--p1-rate" or "--replicas" or "--repeat":
                    values[args[i]] = Next(args, ref i);
                    break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        var repo = FindRepo();
        string Value(string name, string variable, string? fallback = null) =>
            values.GetValueOrDefault(name) ?? NonEmpty(Environment.GetEnvironmentVariable(variable)) ?? fallback
            ?? throw new ArgumentException($"{name} (or ${variable}) is required");
        return new BenchOptions
        {
            Quick = quick,
            KeepData = keep,
            Postgres = Value("--postgres", "CASEFLOW_BENCH_POSTGRES"),
            Amqp = new Uri(Value("--amqp", "CASEFLOW_BENCH_RABBITMQ")),
            Management = new Uri(Value("--management", "CASEFLOW_BENCH_RABBITMQ_MANAGEMENT")),
            VirtualHost = values.GetValueOrDefault("--vhost", "caseflow-bench"),
            SchemaPrefix = values.GetValueOrDefault("--schema-prefix", ""),
            BasePort = int.Parse(values.GetValueOrDefault("--base-port", "5410")),
            Repo = repo,
            Configuration = ThisConfiguration,
            OutputPath = values.GetValueOrDefault("--out") ?? Path.Combine(repo, ".caseflow", "bench", "latest.json"),
            LogsDir = values.GetValueOrDefault("--logs") ?? Path.Combine(repo, ".caseflow", "bench", "logs"),
            ServiceEnvironment = env,
            P1Rate = values.TryGetValue("--p1-rate", out var rate) ? int.Parse(rate) : null,
            Replicas = values.TryGetValue("--replicas", out var replicas) ? int.Parse(replicas) : 1,
            Repeat = values.TryGetValue("--repeat", out var repeat) ? AtLeastOne("--repeat", repeat) : 1,
            Only = values.TryGetValue("--only", out var only) ? only.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : new HashSet<string>(),
        };
    }

    /// <summary>The services are started from the same build configuration as the bench itself.</summary>
    public static string ThisConfiguration =>
        typeof(BenchArguments).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CaseFlow.sln not found above {AppContext.BaseDirectory}");
    }

    private static int AtLeastOne(string name, string value) =>
        int.TryParse(value, out var n) && n >= 1 ? n : throw new ArgumentException($"{name} takes a number of at least 1 (got '{value}')");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
