using System.Reflection;
using System.Security.Cryptography;
using CaseFlow.Testing.Processes;

namespace CaseFlow.ScaleOutTests.Harness;

/// <summary>
/// Two instances of each service (sets "a" and "b", separate processes) behind the gateway, on a private PostgreSQL
/// cluster and RabbitMQ node, as <c>./caseflow run --replicas 2</c> runs them. Correspondence reaches Intake through the
/// gateway too. Shared by the scale-out scenarios (one collection, one after the other); everything is stopped at the end.
/// </summary>
public sealed class ReplicatedSystem : IAsyncLifetime
{
    // This suite's own ports (15000-15999), apart from the fault suite's (14000+), the tests' brokers (17000+) and the bench's.
    private static readonly (int, int) PostgresPorts = (15000, 15100);
    private static readonly (int, int) BrokerPorts = (15100, 15300);
    private static readonly (int, int) ServicePorts = (15300, 15800);
    private static readonly (int, int) GatewayPorts = (15800, 16000);
    public static readonly string[] Names = ["intake", "correspondence", "reunification"];
    public static readonly string[] Sets = ["a", "b"];

    public static string Repo { get; } = FindRepo();
    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), $"caseflow-scaleout-{Guid.NewGuid():N}"[..34]);
    public PrivatePostgres Postgres { get; } = new(Path.Combine(Repo, "infra", "postgres.sh"), PostgresPorts);
    public PrivateBroker Broker { get; } = new(Path.Combine(Repo, "infra", "rabbitmq.sh"), BrokerPorts);
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    /// <summary>Set "a" and set "b": one instance of each service in each.</summary>
    public IReadOnlyDictionary<string, ServiceProcesses> Replicas { get; private set; } = new Dictionary<string, ServiceProcesses>();
    public GatewayProcess Gateway { get; private set; } = null!;
    public Conservation Conservation { get; private set; } = null!;
    public Leadership Leadership { get; private set; } = null!;
    /// <summary>Every case an operator of any scenario was told was opened: the conservation check's "opened" (scenarios share the store).</summary>
    public System.Collections.Concurrent.ConcurrentBag<Guid> Opened { get; } = [];

    public Task<Conservation.Report> Conserved() => Conservation.Verify([.. Opened], [], 0);

    public CaseTraffic Traffic() => new(Gateway, SigningKey, Opened);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDir);
        try
        {
            await Task.WhenAll(Postgres.StartFirst(), Broker.StartFirst());
            var gatewayBase = FreePorts.Block(GatewayPorts.Item1, GatewayPorts.Item2, 6);
            Replicas = Sets.ToDictionary(set => set, set => new ServiceProcesses(new ServiceSetup
            {
                Repo = Repo,
                Configuration = ThisConfiguration,
                Postgres = Postgres.ConnectionString,
                Amqp = new Uri(Broker.Amqp, "caseflow"),
                LogsDir = Path.Combine(WorkDir, "logs"),
                LogSuffix = "-" + set,
                FreePortRange = ServicePorts,
                SigningKey = SigningKey,
                ReadyLimit = TimeSpan.FromSeconds(240),
                // Calls between services go through the gateway (gatewayBase + 1 is Intake's public gRPC port).
                EnvironmentOf = name => new Dictionary<string, string>
                {
                    ["Instance__Name"] = $"{name}-{set}",
                    ["Services__Intake__Grpc"] = $"http://127.0.0.1:{gatewayBase + 1}",
                },
            }));
            foreach (var set in Replicas.Values)
                foreach (var name in Names) set.HttpOf(name); // assign every set's ports before the gateway is told them
            Gateway = new GatewayProcess(Repo, ThisConfiguration, Path.Combine(WorkDir, "logs", "gateway.log"), gatewayBase, [.. Replicas.Values]);
            // One set after the other: two cold starts at once on two cores only slow both down.
            foreach (var set in Replicas.Values) await set.Start();
            await Gateway.WaitReady();
            Conservation = new Conservation(Postgres.ConnectionString, new RabbitManagement(Broker.Management, "caseflow"), []);
            Leadership = new Leadership(this);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        var errors = new List<Exception>();
        async Task Step(Func<ValueTask> step)
        {
            try { await step(); } catch (Exception e) { errors.Add(e); }
        }
        if (Gateway is not null) await Step(Gateway.DisposeAsync);
        foreach (var set in Replicas.Values) await Step(set.DisposeAsync);
        await Step(Broker.DisposeAsync);
        await Step(Postgres.DisposeAsync);
        var keep = Environment.GetEnvironmentVariable("CASEFLOW_KEEP_FAULT_LOGS") is { Length: > 0 };
        if (errors.Count == 0 && !keep && Directory.Exists(WorkDir)) Directory.Delete(WorkDir, recursive: true);
        else if (errors.Count > 0) throw new AggregateException("stopping the replicated system failed (logs kept in " + WorkDir + ")", errors);
    }

    private static string ThisConfiguration =>
        typeof(ReplicatedSystem).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CaseFlow.sln not found above {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicatedCollection : ICollectionFixture<ReplicatedSystem>
{
    public const string Name = "replicated system";
}
