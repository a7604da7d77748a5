using System.Net;
using CaseFlow.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

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
    /// Where a service finds the others (Services:Intake:Grpc, …) when no source says: the same ports. Only the
    /// missing keys are added, as inserting a source below the others would reload the embedded defaults' stream.
    /// </summary>
    private static void AddDefaultServiceAddresses(ConfigurationManager config)
    {
        var missing = Services.Select(name => (Key: $"Services:{name}:Grpc", Address: ServicePorts.Of(name).GrpcAddress))
            .Where(s => string.IsNullOrEmpty(config[s.Key]))
            .ToDictionary(s => s.Key, s => (string?)s.Address.ToString().TrimEnd('/'));
        if (missing.Count > 0) config.AddInMemoryCollection(missing);
    }
}
