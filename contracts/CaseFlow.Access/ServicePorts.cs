using System.Reflection;

namespace CaseFlow.Access;

/// <summary>
/// The ports a service listens on by default, from infra/ports.env (embedded at build time): the file
/// <c>./caseflow</c> sources, so the script, the CLI and the services cannot disagree.
/// </summary>
public sealed record ServicePorts(int Http, int Grpc)
{
    private static readonly Lazy<IReadOnlyDictionary<string, int>> File = new(Read);

    public static ServicePorts Intake => Of("intake");
    public static ServicePorts Correspondence => Of("correspondence");
    public static ServicePorts Reunification => Of("reunification");

    /// <summary>The ports of a service by its name (intake, correspondence, reunification).</summary>
    public static ServicePorts Of(string service) => new(Port(service, "HTTP"), Port(service, "GRPC"));

    /// <summary>
    /// The ports of replica <paramref name="replica"/> (1..N) of a service behind the gateway (<c>./caseflow run --replicas N</c>):
    /// the service's own ports moved by replica × REPLICA_PORT_STEP.
    /// </summary>
    public static ServicePorts OfReplica(string service, int replica)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replica, 1);
        var step = File.Value.TryGetValue("REPLICA_PORT_STEP", out var s) ? s : 2;
        var own = Of(service);
        return new ServicePorts(own.Http + replica * step, own.Grpc + replica * step);
    }

    /// <summary>The HTTP port of a web app without gRPC (the dashboard).</summary>
    public static int HttpPortOf(string app) => Port(app, "HTTP");

    public Uri HttpAddress => new($"http://127.0.0.1:{Http}");
    public Uri GrpcAddress => new($"http://127.0.0.1:{Grpc}");

    private static int Port(string service, string protocol)
    {
        var key = $"{service.ToUpperInvariant()}_{protocol}_PORT";
        return File.Value.TryGetValue(key, out var port) ? port : throw new InvalidOperationException($"infra/ports.env has no {key}");
    }

    private static IReadOnlyDictionary<string, int> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ports.env")
            ?? throw new InvalidOperationException("infra/ports.env is not embedded in CaseFlow.Access");
        using var reader = new StreamReader(stream);
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var at = line.IndexOf('=');
            if (at <= 0 || !int.TryParse(line[(at + 1)..], out var port)) throw new FormatException($"infra/ports.env: '{line}' is not NAME_PORT=number");
            ports[line[..at]] = port;
        }
        return ports;
    }
}
