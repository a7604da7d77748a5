using System.Net;
using CaseFlow.Access;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace CaseFlow.Gateway;

/// <summary>One replica of a service: where its HTTP/1.1 and h2c ports are.</summary>
public sealed record Replica(Uri Http, Uri Grpc);

/// <summary>
/// One service behind the gateway: its public ports (infra/ports.env, what clients and the other services call) and its
/// replicas. Either from <c>Gateway:Services:&lt;name&gt;:{Http,Grpc,Replicas:i:{Http,Grpc}}</c> (tests, other layouts) or,
/// when that section is absent, from ports.env and <c>Gateway:Replicas</c> (default 2) as <c>./caseflow run --replicas</c> lays them out.
/// </summary>
public sealed record ProxiedService(string Name, int Http, int Grpc, IReadOnlyList<Replica> Replicas)
{
    private static readonly string[] Services = ["intake", "correspondence", "reunification"];

    public static IReadOnlyList<ProxiedService> FromConfiguration(IConfiguration config)
    {
        var explicitly = config.GetSection("Gateway:Services").GetChildren().ToList();
        if (explicitly.Count > 0)
            return [.. explicitly.Select(s => new ProxiedService(s.Key, Port(s, "Http"), Port(s, "Grpc"),
                [.. s.GetSection("Replicas").GetChildren().Select(r => new Replica(new Uri(r["Http"]!), new Uri(r["Grpc"]!)))]))];

        var count = config.GetValue("Gateway:Replicas", 2);
        return [.. Services.Select(name => new ProxiedService(name, ServicePorts.Of(name).Http, ServicePorts.Of(name).Grpc,
            [.. Enumerable.Range(1, count).Select(n => ServicePorts.OfReplica(name, n)).Select(p => new Replica(p.HttpAddress, p.GrpcAddress))]))];
    }

    private static int Port(IConfigurationSection service, string key) =>
        service.GetValue<int?>(key) ?? throw new InvalidOperationException($"Gateway:Services:{service.Key}:{key} is not set");

    /// <summary>Which cluster a call goes to is told by the port it came in on (the Host header carries it).</summary>
    public IEnumerable<RouteConfig> Routes() =>
    [
        new() { RouteId = $"{Name}-http", ClusterId = $"{Name}-http", Match = new RouteMatch { Path = "{**rest}", Hosts = [$"*:{Http}"] } },
        new() { RouteId = $"{Name}-grpc", ClusterId = $"{Name}-grpc", Match = new RouteMatch { Path = "{**rest}", Hosts = [$"*:{Grpc}"] } },
    ];

    public IEnumerable<ClusterConfig> Clusters(IConfiguration config)
    {
        // Round robin, not YARP's default power-of-two choices: an even spread is what the replicas are there for.
        yield return Cluster($"{Name}-http", Replicas.Select(r => r.Http), http2: false, config);
        // h2c to the replicas: HTTP/2 without TLS must be asked for exactly, or the client falls back to HTTP/1.1.
        yield return Cluster($"{Name}-grpc", Replicas.Select(r => r.Grpc), http2: true, config);
    }

    private static ClusterConfig Cluster(string id, IEnumerable<Uri> destinations, bool http2, IConfiguration config) => new()
    {
        ClusterId = id,
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        HttpRequest = http2 ? new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact } : null,
        HealthCheck = new HealthCheckConfig
        {
            // A replica that is not ready (killed, its database out of reach) leaves the rotation within a few seconds;
            // refused connections take it out at once (passive), the readiness probe brings it back.
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(config.GetValue("Gateway:ProbeSeconds", 2.0)),
                Timeout = TimeSpan.FromSeconds(2),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health/ready",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = TimeSpan.FromSeconds(5),
            },
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
        Destinations = destinations.Select((d, i) => (d, i)).ToDictionary(x => $"replica-{x.i + 1}", x => new DestinationConfig { Address = x.d.ToString() }),
    };

    public override string ToString() =>
        $"{Name} :{Http}/:{Grpc} → {string.Join(", ", Replicas.Select(r => $"{r.Http.Port}/{r.Grpc.Port}"))}";
}

internal static class PublicPorts
{
    /// <summary>The services' own split: HTTP/1.1 (JSON, health, metrics) and h2c (gRPC) on separate ports.</summary>
    public static void ListenOnPublicPorts(this WebApplicationBuilder builder, IEnumerable<ProxiedService> services)
    {
        var address = IPAddress.Parse(builder.Configuration["Ports:Address"] ?? "127.0.0.1");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var s in services)
            {
                kestrel.Listen(address, s.Http, o => o.Protocols = HttpProtocols.Http1);
                kestrel.Listen(address, s.Grpc, o => o.Protocols = HttpProtocols.Http2);
            }
        });
    }
}
