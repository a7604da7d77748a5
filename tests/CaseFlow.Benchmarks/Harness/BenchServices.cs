using CaseFlow.Testing.Processes;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>The services as the bench runs them: the shared out-of-process harness on the bench's schemas, virtual host and ports.</summary>
public static class BenchServices
{
    /// <param name="logSuffix">Added to each log's name, so a second set of processes in the same run keeps the first's logs.</param>
    public static ServiceProcesses Create(BenchOptions options, BenchInfrastructure infrastructure, string logSuffix = "") => new(new ServiceSetup
    {
        Repo = options.Repo,
        Configuration = options.Configuration,
        Postgres = options.Postgres,
        Amqp = infrastructure.ServiceAmqp,
        LogsDir = options.LogsDir,
        LogSuffix = logSuffix,
        Schema = infrastructure.Schema,
        BasePort = options.BasePort,
        Environment = options.ServiceEnvironment,
    });
}
