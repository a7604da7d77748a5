using System.Diagnostics;
using CaseFlow.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseFlow.ServiceDefaults.Telemetry;

public static class CaseFlowTelemetry
{
    /// <summary>The ActivitySource of CaseFlow's own spans (the outbox relay, the inbox).</summary>
    public const string SourceName = "CaseFlow";
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Where traces, metrics and logs go over OTLP; unset, nothing is exported.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly string[] TracedSources = [SourceName, "Marten", "MassTransit", "Npgsql"];
    private static readonly string[] Meters = ["Marten", "MassTransit", "Npgsql"];

    internal static void AddTelemetry(this WebApplicationBuilder builder, ServiceIdentity service, ServiceInstance instance)
    {
        builder.Logging.AddOpenTelemetry(logs =>
        {
            logs.IncludeFormattedMessage = true;
            logs.IncludeScopes = true;
        });

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service.TelemetryName, serviceInstanceId: instance.Name))
            // Recorded even with no exporter: not recording them measured no cheaper (docs/benchmark.md) and broke the
            // trace context MassTransit carries to the consumers.
            .WithTracing(tracing => tracing
                .AddSource(TracedSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotHealthProbe)
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters, OperationsMetrics.MeterNameFor(instance)])
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        // Export only where a collector is configured (docker-compose sets it).
        if (exporting) telemetry.UseOtlpExporter();
    }

    /// <summary>/metrics on the HTTP/1.1 port, for Prometheus-style scrapers.</summary>
    internal static void MapMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint();

    private static bool IsNotHealthProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
}
