using System.Reflection;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>Who a service is: its name (also its schema, queue prefix and telemetry name) and its default ports.</summary>
public sealed record ServiceIdentity(string Name, int HttpPort, int GrpcPort, Assembly Assembly)
{
    public string TelemetryName => $"caseflow-{Name}";
}
