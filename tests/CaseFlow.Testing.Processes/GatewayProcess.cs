using System.Diagnostics;

namespace CaseFlow.Testing.Processes;

/// <summary>
/// services/CaseFlow.Gateway (YARP) as its own process in front of replicas started by <see cref="ServiceProcesses"/>: the
/// public ports of each service, spread over its replicas, as <c>./caseflow run --replicas</c> runs it.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly IReadOnlyDictionary<string, (int Http, int Grpc)> ports;

    /// <param name="replicas">Per service (intake, …), the sets whose copy of it the gateway spreads calls over.</param>
    /// <param name="basePort">First of six ports: intake http/grpc = +0/+1, correspondence +2/+3, reunification +4/+5.</param>
    public GatewayProcess(string repo, string configuration, string logFile, int basePort, IReadOnlyList<ServiceProcesses> replicas)
    {
        var names = ServiceProcesses.Projects.Keys.ToList();
        ports = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (basePort + 2 * x.i, basePort + 2 * x.i + 1));
        var dll = Path.Combine(repo, "services", "CaseFlow.Gateway", "bin", configuration, "net10.0", "CaseFlow.Gateway.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the solution ({configuration}) first", dll);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var name in names)
        {
            var key = $"Gateway__Services__{name}__";
            start.Environment[key + "Http"] = ports[name].Http.ToString();
            start.Environment[key + "Grpc"] = ports[name].Grpc.ToString();
            for (var i = 0; i < replicas.Count; i++)
            {
                start.Environment[$"{key}Replicas__{i}__Http"] = replicas[i].HttpOf(name).ToString();
                start.Environment[$"{key}Replicas__{i}__Grpc"] = replicas[i].GrpcOf(name).ToString();
            }
        }
        start.Environment["Gateway__ProbeSeconds"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri HttpOf(string name) => new($"http://127.0.0.1:{ports[name].Http}");
    public Uri GrpcOf(string name) => new($"http://127.0.0.1:{ports[name].Grpc}");
    public int Pid => process.Id;

    /// <summary>Until every service answers ready through the gateway (some replica of each is up and probed healthy).</summary>
    public async Task WaitReady()
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var name in ports.Keys)
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"the gateway exited (code {process.ExitCode})");
                try
                {
                    if ((await probe.GetAsync(new Uri(HttpOf(name), "/health/ready"))).IsSuccessStatusCode) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                if (clock.Elapsed > ReadyLimit) throw new TimeoutException($"{name} not ready through the gateway after {ReadyLimit.TotalSeconds:0} s");
                await Task.Delay(200);
            }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try { Posix.Terminate(process.Id); } catch (InvalidOperationException) { }
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await process.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
        lock (log) log.Dispose();
    }
}
