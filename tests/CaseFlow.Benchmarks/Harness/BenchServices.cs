using CaseFlow.Testing.Processes;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>The services as the bench runs them: the shared out-of-process harness on the bench's schemas, virtual host and ports.</summary>
public static class BenchServices
{
    /// <param name="logSuffix">Added to each log's name, so a second set of processes in the same run keeps the first's logs.</param>
    /// <param name="replicaOf">The first set, when this is a second instance of each service beside it: same key, ports 100 higher.</param>
    public static ServiceProcesses Create(BenchOptions options, BenchInfrastructure infrastructure, string logSuffix = "", ServiceProcesses? replicaOf = null) => new(new ServiceSetup
    {
        SigningKey = replicaOf?.SigningKey,
        Repo = options.Repo,
        Configuration = options.Configuration,
        Postgres = options.Postgres,
        Amqp = infrastructure.ServiceAmqp,
        LogsDir = options.LogsDir,
        LogSuffix = logSuffix,
        Schema = infrastructure.Schema,
        BasePort = options.BasePort == 0 || replicaOf is null ? options.BasePort : options.BasePort + 100,
        Environment = replicaOf is null ? options.ServiceEnvironment : [.. options.ServiceEnvironment, new("Instance__Name", "replica-2")],
    });
}
