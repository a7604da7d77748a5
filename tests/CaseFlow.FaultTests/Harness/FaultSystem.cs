using System.Reflection;
using CaseFlow.Testing.Processes;

namespace CaseFlow.FaultTests.Harness;

/// <summary>
/// The whole system for the fault scenarios: a private PostgreSQL cluster, a private RabbitMQ node and the three
/// services as their own processes, all on 127.0.0.1 below the ephemeral port range. Shared by the scenarios (one
/// collection, run one after the other); everything started here is stopped at the end, also when a start fails.
/// </summary>
public sealed class FaultSystem : IAsyncLifetime
{
    // This suite's own ports, apart from the integration tests' (17000+, 20000–32000) and the bench's (18000+).
    private static readonly (int, int) PostgresPorts = (14000, 14200);
    private static readonly (int, int) BrokerPorts = (14200, 14350);
    private static readonly (int, int) ServicePorts = (14350, 14500);

    public static string Repo { get; } = FindRepo();
    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), $"caseflow-faults-{Guid.NewGuid():N}"[..32]);
    public PrivatePostgres Postgres { get; } = new(Path.Combine(Repo, "infra", "postgres.sh"), PostgresPorts);
    public PrivateBroker Broker { get; } = new(Path.Combine(Repo, "infra", "rabbitmq.sh"), BrokerPorts);
    public ServiceProcesses Services { get; private set; } = null!;
    public Operator Operator { get; private set; } = null!;
    public Conservation Conservation { get; private set; } = null!;
    /// <summary>Malformed messages the scenarios sent on purpose: the only messages allowed in an _error queue.</summary>
    public int PoisonSent { get; set; }
    /// <summary>Case streams a scenario wrote past the API (straight into the store).</summary>
    public System.Collections.Concurrent.ConcurrentBag<Guid> OpenedDirectly { get; } = [];
    /// <summary>Cases a mechanism-off scenario damaged on purpose (lost or applied twice): later balances leave them out.</summary>
    public System.Collections.Concurrent.ConcurrentBag<Guid> Damaged { get; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDir);
        try
        {
            await Task.WhenAll(Postgres.StartFirst(), Broker.StartFirst());
            Services = new ServiceProcesses(new ServiceSetup
            {
                Repo = Repo,
                Configuration = ThisConfiguration,
                Postgres = Postgres.ConnectionString,
                Amqp = new Uri(Broker.Amqp, "caseflow"),
                LogsDir = Path.Combine(WorkDir, "logs"),
                FreePortRange = ServicePorts,
                // Every fault hook configured from the start, each idle until a scenario arms it (no restart to switch one on).
                EnvironmentOf = name => new Dictionary<string, string>
                {
                    ["Faults__MarkerDirectory"] = MarkerDirectory(name),
                    ["Faults__RelayPauseAfterPublishes"] = RelayPauseAfterPublishes.ToString(),
                    ["Faults__ConsumerPauseAfterHandling"] = ConsumerPauseAfterHandling.ToString(),
                },
            });
            await Services.Start();
            Operator = new Operator(Services);
            Conservation = new Conservation(Postgres.ConnectionString, new RabbitManagement(Broker.Management, "caseflow"), Damaged);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public const int RelayPauseAfterPublishes = 20;
    public const int ConsumerPauseAfterHandling = 5;

    /// <summary>Where one service's fault hooks are armed and leave their markers.</summary>
    public string MarkerDirectory(string service)
    {
        var dir = Path.Combine(WorkDir, "markers", service);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public async Task DisposeAsync()
    {
        // Each step on its own: one failing must not leave the others running.
        var errors = new List<Exception>();
        async Task Step(Func<ValueTask> step)
        {
            try { await step(); } catch (Exception e) { errors.Add(e); }
        }
        Operator?.Dispose();
        if (Services is not null) await Step(Services.DisposeAsync);
        await Step(Broker.DisposeAsync);
        await Step(Postgres.DisposeAsync);
        var keep = Environment.GetEnvironmentVariable("CASEFLOW_KEEP_FAULT_LOGS") is { Length: > 0 };
        if (errors.Count == 0 && !keep && Directory.Exists(WorkDir)) Directory.Delete(WorkDir, recursive: true);
        else if (errors.Count > 0) throw new AggregateException("stopping the fault system failed (logs kept in " + WorkDir + ")", errors);
    }

    private static string ThisConfiguration =>
        typeof(FaultSystem).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CaseFlow.sln not found above {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSystem>
{
    public const string Name = "fault system";
}
