using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Hosting;

internal static class Ports
{
    /// <summary>
    /// Kestrel without TLS cannot speak HTTP/1.1 and HTTP/2 on one port: gRPC gets an h2c port,
    /// JSON, health and metrics an HTTP/1.1 port.
    /// </summary>
    public static void ListenOnServicePorts(this WebApplicationBuilder builder, ServiceIdentity service)
    {
        var config = builder.Configuration;
        var address = IPAddress.Parse(config["Ports:Address"] ?? "127.0.0.1");
        var http = config.GetValue("Ports:Http", service.HttpPort);
        var grpc = config.GetValue("Ports:Grpc", service.GrpcPort);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, http, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(address, grpc, o => o.Protocols = HttpProtocols.Http2);
        });
    }
}
