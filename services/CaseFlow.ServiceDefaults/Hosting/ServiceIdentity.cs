using System.Reflection;
using CaseFlow.Access;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>Who a service is: its name (also its schema, queue prefix and telemetry name) and its default ports (infra/ports.env).</summary>
public sealed record ServiceIdentity(string Name, Assembly Assembly)
{
    public ServicePorts DefaultPorts { get; } = ServicePorts.Of(Name);

    public string TelemetryName => $"caseflow-{Name}";
}
