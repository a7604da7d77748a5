using System.Diagnostics;
using System.Security.Cryptography;

namespace CaseFlow.Testing.Processes;

/// <summary>How the services are started: where from, on which database, broker and ports, with which extra settings.</summary>
public sealed record ServiceSetup
{
    public required string Repo { get; init; }
    public string Configuration { get; init; } = "Release";
    public required string Postgres { get; init; }
    /// <summary>AMQP URI including the virtual host the services use.</summary>
    public required Uri Amqp { get; init; }
    public required string LogsDir { get; init; }
    /// <summary>Added to each log's name, so a second set of processes in the same run keeps the first's logs.</summary>
    public string LogSuffix { get; init; } = "";
    /// <summary>Each service's Marten schema (default: its name).</summary>
    public Func<string, string> Schema { get; init; } = name => name;
    /// <summary>First of the six ports (Intake http/grpc = +0/+1, Correspondence +10/+11, Reunification +20/+21); 0 = free ports.</summary>
    public int BasePort { get; init; }
    /// <summary>Where free ports are picked when <see cref="BasePort"/> is 0: below the ephemeral range, apart from other runs'.</summary>
    public (int From, int To) FreePortRange { get; init; } = (18000, 20000);
    /// <summary>Extra settings for every service (environment variables, e.g. Faults__…).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];
    /// <summary>Extra settings of one service (by name), on top of <see cref="Environment"/>.</summary>
    public Func<string, IReadOnlyDictionary<string, string>>? EnvironmentOf { get; init; }
    public string LogLevel { get; init; } = "Warning";
    /// <summary>How long a start may take until /health/ready answers (a second set on a loaded machine needs more).</summary>
    public TimeSpan ReadyLimit { get; init; } = TimeSpan.FromSeconds(90);
    /// <summary>The JWT signing key (base64); replicas of one system share it. Default: a fresh one per set.</summary>
    public string? SigningKey { get; init; }
}

/// <summary>One service started as its own process from its build output, as <c>./caseflow run</c> starts it.</summary>
public sealed record ServiceProcess(string Name, Process Process, int HttpPort, int GrpcPort)
{
    public int Pid => Process.Id;
    public Uri Http => new($"http://127.0.0.1:{HttpPort}");
    public Uri Grpc => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>Peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakResidentMegabytes() => StatusMegabytes("VmHWM:");
    /// <summary>Resident memory now (VmRSS), in MB.</summary>
    public double ResidentMegabytes() => StatusMegabytes("VmRSS:");

    private double StatusMegabytes(string field)
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}

/// <summary>
/// Intake, Correspondence and Reunification as separate processes (<c>dotnet &lt;dll&gt;</c>) with authentication on. Any
/// one can be started alone, killed with SIGKILL by its PID and started again with the same ports and settings (plus
/// extra ones, e.g. fault hooks). Stops them, and only them, at the end.
/// </summary>
public sealed class ServiceProcesses(ServiceSetup setup) : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["intake"] = "CaseFlow.Intake", ["correspondence"] = "CaseFlow.Correspondence", ["reunification"] = "CaseFlow.Reunification",
    };

    private readonly Dictionary<string, ServiceProcess> running = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> extraOf = [];
    private readonly List<ServiceProcess> ended = [];
    private readonly HashSet<string> launched = [];
    private Dictionary<string, (int Http, int Grpc)>? ports;

    public string SigningKey { get; } = setup.SigningKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public ServiceProcess this[string name] => running[name];
    public IReadOnlyList<ServiceProcess> All => [.. Projects.Keys.Where(running.ContainsKey).Select(n => running[n])];
    public string PidFile => Path.Combine(setup.LogsDir, "services.pids");
    public Uri GrpcOf(string name) => new($"http://127.0.0.1:{Ports[name].Grpc}");
    public Uri HttpOf(string name) => new($"http://127.0.0.1:{Ports[name].Http}");

    /// <summary>All three, then waits until each is ready.</summary>
    public async Task Start()
    {
        foreach (var name in Projects.Keys) Launch(name);
        foreach (var name in Projects.Keys) await WaitReady(name);
    }

    /// <summary>One service alone, with extra settings on top of the setup's (kept for its restarts).</summary>
    public async Task Start(string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (extra is not null) extraOf[name] = extra;
        Launch(name);
        await WaitReady(name);
    }

    /// <summary>SIGKILL: no graceful stop, nothing flushed, the process is gone when this returns.</summary>
    public async Task Kill(string name)
    {
        var service = running[name];
        Posix.KillHard(service.Pid);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await service.Process.WaitForExitAsync(limit.Token);
        running.Remove(name);
        ended.Add(service);
    }

    /// <summary>SIGTERM: the host stops gracefully (daemon, bus), as under <c>./caseflow stop</c>.</summary>
    public async Task Stop(string name)
    {
        var service = running[name];
        Posix.Terminate(service.Pid);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await service.Process.WaitForExitAsync(limit.Token);
        running.Remove(name);
        ended.Add(service);
    }

    /// <summary>Starts a killed or stopped service again on the same ports, with the same settings unless <paramref name="extra"/> replaces its extras.</summary>
    public Task Restart(string name, IReadOnlyDictionary<string, string>? extra = null) => Start(name, extra);

    /// <summary>Starts several killed or stopped services again at once (same ports and settings), then waits until each is ready.</summary>
    public async Task Restart(IReadOnlyCollection<string> names)
    {
        foreach (var name in names) Launch(name);
        await Task.WhenAll(names.Select(WaitReady));
    }

    public async Task WaitReady(string name)
    {
        var service = running[name];
        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (service.Process.HasExited)
                throw new InvalidOperationException($"{name} exited during startup (code {service.Process.ExitCode}); see {LogOf(name)}");
            try
            {
                if ((await probe.GetAsync(new Uri(service.Http, "/health/ready"))).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (deadline.Elapsed > setup.ReadyLimit) throw new TimeoutException($"{name} not ready after {setup.ReadyLimit.TotalSeconds:0} s; see {LogOf(name)}");
            await Task.Delay(200);
        }
    }

    private Dictionary<string, (int Http, int Grpc)> Ports => ports ??= AssignPorts();

    private Dictionary<string, (int Http, int Grpc)> AssignPorts()
    {
        var assigned = new Dictionary<string, (int, int)>();
        var offset = 0;
        foreach (var name in Projects.Keys)
        {
            var pair = setup.BasePort == 0
                ? FreePorts.Block(setup.FreePortRange.From, setup.FreePortRange.To, 2) is var p ? (p, p + 1) : default
                : (setup.BasePort + offset, setup.BasePort + offset + 1);
            offset += 10;
            foreach (var port in new[] { pair.Item1, pair.Item2 })
                if (!FreePorts.IsFree(port)) throw new InvalidOperationException($"port {port} ({name}) is in use; pass another base port");
            assigned[name] = pair;
        }
        return assigned;
    }

    private void Launch(string name)
    {
        if (running.ContainsKey(name)) throw new InvalidOperationException($"{name} is already running");
        var project = Projects[name];
        var dll = Path.Combine(setup.Repo, "services", project, "bin", setup.Configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the solution ({setup.Configuration}) first", dll);
        Directory.CreateDirectory(setup.LogsDir);
        var (http, grpc) = Ports[name];
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ConnectionStrings__Postgres"] = setup.Postgres;
        env["ConnectionStrings__RabbitMq"] = setup.Amqp.ToString();
        env["Auth__SigningKey"] = SigningKey;
        env["EventStore__Schema"] = setup.Schema(name);
        env["Ports__Http"] = http.ToString();
        env["Ports__Grpc"] = grpc.ToString();
        // How the services find each other (Services:Intake:Grpc, …): on this set's ports, not the defaults.
        foreach (var (other, otherProject) in Projects)
            env[$"Services__{otherProject["CaseFlow.".Length..]}__Grpc"] = $"http://127.0.0.1:{Ports[other].Grpc}";
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["Logging__LogLevel__Default"] = setup.LogLevel;
        // Harness runs measure and break the pipeline, not the per-user rate limit a real deployment sets.
        env["Limits__PermitsPerSecond"] = "1000000";
        env["Limits__Burst"] = "1000000";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in setup.Environment) env[key] = value;
        if (setup.EnvironmentOf?.Invoke(name) is { } own) foreach (var (key, value) in own) env[key] = value;
        if (extraOf.TryGetValue(name, out var extra)) foreach (var (key, value) in extra) env[key] = value;

        // A restart appends to the log of the process it replaces: one log tells the whole story.
        var log = new StreamWriter(LogOf(name), append: !launched.Add(name)) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Flush(); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        running[name] = new ServiceProcess(name, process, http, grpc);
        File.WriteAllLines(PidFile, running.Values.Select(s => $"{s.Pid} {s.Name}"));
    }

    public string LogOf(string name) => Path.Combine(setup.LogsDir, name + setup.LogSuffix + ".log");

    public async ValueTask DisposeAsync()
    {
        var stopping = running.Values.ToList();
        foreach (var service in stopping.Where(s => !s.Process.HasExited))
        {
            // SIGTERM: the host stops gracefully (daemon, bus) like under ./caseflow stop.
            try { Posix.Terminate(service.Pid); } catch (InvalidOperationException) { service.Process.Kill(); }
        }
        foreach (var service in stopping)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await service.Process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"{service.Name} did not stop within 20 s; killing it");
                service.Process.Kill(entireProcessTree: true);
            }
        }
        foreach (var service in stopping.Concat(ended)) service.Process.Dispose();
        running.Clear();
        ended.Clear();
        File.Delete(PidFile);
    }
}
