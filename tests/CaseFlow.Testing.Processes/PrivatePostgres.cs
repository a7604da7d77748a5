namespace CaseFlow.Testing.Processes;

/// <summary>
/// A PostgreSQL cluster of one test run's own (infra/postgres.sh --dir --port: initdb into a temp dir, run as OS user
/// postgres when root), so restarting it under load disturbs no other test and no running <c>./caseflow run</c>.
/// </summary>
/// <param name="script">infra/postgres.sh of the repository under test.</param>
public sealed class PrivatePostgres(string script, (int From, int To) ports) : IAsyncDisposable
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromSeconds(240);
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"caseflow-pg-{Guid.NewGuid():N}"[..26]);
    private int? port;

    public int Port => port ??= FreePorts.Block(ports.From, ports.To, 1);
    /// <summary>The database the script creates for tests.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=caseflow_test;Username=caseflow;Password=caseflow";

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
                port = FreePorts.Block(ports.From, ports.To, 1);
            }
        }
    }

    public Task Start() => Run("start");
    public Task Stop() => Run("stop");
    /// <summary><c>pg_ctl restart -m immediate</c>: every connection cut, no checkpoint, crash recovery on the way up.</summary>
    public Task CrashRestart() => Run("crash-restart");

    private Task Run(string command) => Scripts.Run(script, ScriptLimit, command, "--dir", directory, "--port", Port.ToString());

    public async ValueTask DisposeAsync()
    {
        try { await Stop(); } finally { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
    }
}
