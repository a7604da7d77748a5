using System.Diagnostics;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>
/// A RabbitMQ node of one test's own, started by the project's script, so a fault test can stop and
/// restart its broker without disturbing the other test classes.
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"caseflow-broker-{Guid.NewGuid():N}"[..30]);
    private readonly string name = $"caseflow-fault-{Guid.NewGuid():N}"[..24];
    public int Port { get; private set; } = FreePortBlock();

    public Uri Amqp => new($"amqp://caseflow:caseflow@127.0.0.1:{Port}/");
    public Uri Management => new($"http://127.0.0.1:{Port + 1}");

    /// <summary>The first start may retry on other ports (one taken meanwhile, a loaded machine); a restart keeps its port.</summary>
    public async Task StartFirst()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await Stop();
                Port = FreePortBlock();
            }
        }
    }

    public Task Start() => Script("start", "--name", name, "--port", Port.ToString(), "--dir", directory);

    /// <summary>AMQP port and the five after it (management, distribution, CLI) all free on loopback.</summary>
    private static int FreePortBlock()
    {
        while (true)
        {
            var port = 17000 + Random.Shared.Next(0, 150) * 6; // below the ephemeral range: a restart finds its port free
            if (Enumerable.Range(port, 6).All(IsFree)) return port;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException) { return false; }
    }

    public Task Stop() => Script("stop", "--name", name, "--port", Port.ToString(), "--dir", directory);

    private static async Task Script(params string[] args)
    {
        var start = new ProcessStartInfo(TestEnvironment.RabbitMqScript) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmq.sh {string.Join(' ', args)} failed: {await output}{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await Stop(); } finally { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
    }
}

/// <summary>The three services on a private broker that the test may take down.</summary>
public sealed class SystemOnPrivateBroker : CaseFlowSystem
{
    public PrivateBroker Broker { get; } = new();

    protected override async Task<(Uri Amqp, Uri Management)> ProvideBroker()
    {
        await Broker.StartFirst();
        return (Broker.Amqp, Broker.Management);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
