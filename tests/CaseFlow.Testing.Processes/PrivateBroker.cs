namespace CaseFlow.Testing.Processes;

/// <summary>
/// A RabbitMQ node of one test's own, started by the project's script (infra/rabbitmq.sh --dir), so a fault test can
/// stop, kill and restart its broker without disturbing other tests or a running <c>./caseflow run</c>.
/// </summary>
/// <param name="script">infra/rabbitmq.sh of the repository under test.</param>
/// <param name="ports">Where its six ports (AMQP, management, distribution, CLI) are picked.</param>
public sealed class PrivateBroker(string script, (int From, int To)? ports = null) : IAsyncDisposable
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromSeconds(240);
    private readonly (int From, int To) range = ports ?? (17000, 17900);
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"caseflow-broker-{Guid.NewGuid():N}"[..30]);
    private readonly string name = $"caseflow-fault-{Guid.NewGuid():N}"[..24];
    private int? port;

    public int Port => port ??= FreePorts.Block(range.From, range.To, 6);
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
                port = FreePorts.Block(range.From, range.To, 6);
            }
        }
    }

    public Task Start() => Scripts.Run(script, ScriptLimit, "start", "--name", name, "--port", Port.ToString(), "--dir", directory);
    public Task Stop() => Scripts.Run(script, ScriptLimit, "stop", "--name", name, "--port", Port.ToString(), "--dir", directory);
    /// <summary>A crash: kill -9 of the node (infra/rabbitmq.sh kill), nothing flushed or closed.</summary>
    public Task Kill() => Scripts.Run(script, ScriptLimit, "kill", "--name", name, "--port", Port.ToString(), "--dir", directory);

    public async ValueTask DisposeAsync()
    {
        try { await Stop(); } finally { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
    }
}
