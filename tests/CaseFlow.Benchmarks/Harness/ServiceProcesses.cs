using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>One service started as its own Release process, as <c>./caseflow run</c> starts it.</summary>
public sealed record ServiceProcess(string Name, Process Process, int HttpPort, int GrpcPort)
{
    public int Pid => Process.Id;
    public Uri Http => new($"http://127.0.0.1:{HttpPort}");
    public Uri Grpc => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>Peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}

/// <summary>
/// Starts Intake, Correspondence and Reunification from their build output with authentication on, on the
/// bench's database schemas, virtual host and ports; stops them (and only them) at the end.
/// </summary>
/// <param name="logSuffix">Added to each log's name, so a second set of processes in the same run keeps the first's logs.</param>
public sealed class ServiceProcesses(BenchOptions options, BenchInfrastructure infrastructure, string logSuffix = "") : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Projects = new()
    {
        ["intake"] = "CaseFlow.Intake", ["correspondence"] = "CaseFlow.Correspondence", ["reunification"] = "CaseFlow.Reunification",
    };

    private readonly List<ServiceProcess> running = [];

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public ServiceProcess this[string name] => running.Single(s => s.Name == name);
    public IReadOnlyList<ServiceProcess> All => running;
    public string PidFile => Path.Combine(options.LogsDir, "services.pids");

    public async Task Start()
    {
        Directory.CreateDirectory(options.LogsDir);
        var offset = 0;
        foreach (var (name, project) in Projects)
        {
            var dll = Path.Combine(options.Repo, "services", project, "bin", options.Configuration, "net10.0", project + ".dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the solution ({options.Configuration}) first", dll);
            var (http, grpc) = options.BasePort == 0 ? FreePortPair() : (options.BasePort + offset, options.BasePort + offset + 1);
            offset += 10;
            foreach (var port in new[] { http, grpc })
                if (InUse(port)) throw new InvalidOperationException($"port {port} ({name}) is in use; pass --base-port");
            running.Add(Launch(name, dll, http, grpc));
        }
        await File.WriteAllLinesAsync(PidFile, running.Select(s => $"{s.Pid} {s.Name}"));

        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var service in running)
        {
            while (true)
            {
                if (service.Process.HasExited)
                    throw new InvalidOperationException($"{service.Name} exited during startup (code {service.Process.ExitCode}); see {LogOf(service.Name)}");
                try
                {
                    if ((await probe.GetAsync(new Uri(service.Http, "/health/ready"))).IsSuccessStatusCode) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                if (deadline.Elapsed > TimeSpan.FromSeconds(90))
                    throw new TimeoutException($"{service.Name} not ready after 90 s; see {LogOf(service.Name)}");
                await Task.Delay(200);
            }
        }
    }

    private ServiceProcess Launch(string name, string dll, int http, int grpc)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ConnectionStrings__Postgres"] = options.Postgres;
        env["ConnectionStrings__RabbitMq"] = infrastructure.ServiceAmqp.ToString();
        env["Auth__SigningKey"] = SigningKey;
        env["EventStore__Schema"] = infrastructure.Schema(name);
        env["Ports__Http"] = http.ToString();
        env["Ports__Grpc"] = grpc.ToString();
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["Logging__LogLevel__Default"] = "Warning";
        // The benchmark measures throughput, not the per-user rate limit a real deployment sets.
        env["Limits__PermitsPerSecond"] = "1000000";
        env["Limits__Burst"] = "1000000";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in options.ServiceEnvironment) env[key] = value;

        var log = new StreamWriter(LogOf(name), append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Flush(); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, process, http, grpc);
    }

    private string LogOf(string name) => Path.Combine(options.LogsDir, name + logSuffix + ".log");

    public async ValueTask DisposeAsync()
    {
        foreach (var service in running.Where(s => !s.Process.HasExited))
        {
            // SIGTERM: the host stops gracefully (daemon, bus) like under ./caseflow stop.
            try { Posix.Terminate(service.Pid); } catch (Exception) { service.Process.Kill(); }
        }
        foreach (var service in running)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await service.Process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"bench: {service.Name} did not stop within 20 s; killing it");
                service.Process.Kill(entireProcessTree: true);
            }
            service.Process.Dispose();
        }
        running.Clear();
        File.Delete(PidFile);
    }

    /// <summary>
    /// A free port below Linux's range for outgoing connections (so no client takes it before the service binds it), apart
    /// from the integration tests' (20000–32000) and private brokers' (17000+) ranges, which may run at the same time.
    /// </summary>
    private static (int, int) FreePortPair()
    {
        var first = FreePort();
        while (true)
            if (FreePort() is var second && second != first) return (first, second);
    }

    private static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(18000, 20000);
            if (!InUse(port)) return port;
        }
    }

    private static bool InUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException) { return true; }
    }
}

internal static class Posix
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static void Terminate(int pid)
    {
        if (Kill(pid, 15) != 0) throw new InvalidOperationException($"kill({pid}, SIGTERM) failed");
    }
}
