using System.Net;
using CaseFlow.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace CaseFlow.ServiceDefaults.Hosting;

internal static class Ports
{
    private static readonly string[] Services = ["Intake", "Correspondence", "Reunification"];

    /// <summary>
    /// Kestrel without TLS cannot speak HTTP/1.1 and HTTP/2 on one port: gRPC gets an h2c port,
    /// JSON, health and metrics an HTTP/1.1 port. Both default to infra/ports.env; Ports:Http and Ports:Grpc override them.
    /// </summary>
    public static void ListenOnServicePorts(this WebApplicationBuilder builder, ServiceIdentity service)
    {
        var config = builder.Configuration;
        AddDefaultServiceAddresses(config);
        var address = IPAddress.Parse(config["Ports:Address"] ?? "127.0.0.1");
        var http = config.GetValue("Ports:Http", service.DefaultPorts.Http);
        var grpc = config.GetValue("Ports:Grpc", service.DefaultPorts.Grpc);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, http, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(address, grpc, o => o.Protocols = HttpProtocols.Http2);
        });
    }

    /// <summary>
    /// Where a service finds the others (Services:Intake:Grpc, …) unless told: the same ports, below every other
    /// source, so a service's own defaults, the environment and the tests' arguments still win.
    /// </summary>
    private static void AddDefaultServiceAddresses(ConfigurationManager config)
    {
        var addresses = new Dictionary<string, string?>();
        foreach (var name in Services)
        {
            var ports = ServicePorts.Of(name);
            addresses[$"Services:{name}:Http"] = ports.HttpAddress.ToString().TrimEnd('/');
            addresses[$"Services:{name}:Grpc"] = ports.GrpcAddress.ToString().TrimEnd('/');
        }
        config.Sources.Insert(0, new MemoryConfigurationSource { InitialData = addresses });
    }
}
