using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>
/// Which copy of a service this process is, when several run side by side (<c>./caseflow run --replicas 2</c>, a
/// Deployment's pods): in its telemetry (service.instance.id), its PostgreSQL sessions' application_name (so the holder
/// of the daemon's advisory lock can be named), its inbox records and its status. <c>Instance:Name</c>, else
/// machine:http-port, which is unique on one machine and stable across restarts.
/// </summary>
public sealed record ServiceInstance(string Name)
{
    public static ServiceInstance FromConfiguration(IConfiguration config, ServiceIdentity service)
    {
        var configured = config["Instance:Name"];
        if (!string.IsNullOrWhiteSpace(configured)) return new ServiceInstance(configured.Trim());
        var http = config.GetValue("Ports:Http", service.DefaultPorts.Http);
        return new ServiceInstance($"{Environment.MachineName}:{http}");
    }

    /// <summary>What this instance's database sessions are called: caseflow-&lt;service&gt;@&lt;instance&gt;.</summary>
    public string ApplicationNameFor(ServiceIdentity service) => $"caseflow-{service.Name}@{Name}";
}
