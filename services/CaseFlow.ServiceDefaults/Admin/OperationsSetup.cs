using CaseFlow.ServiceDefaults.Admin.Status;
using CaseFlow.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.ServiceDefaults.Admin;

public static class OperationsSetup
{
    /// <summary>Dead letters, the status reader behind <c>caseflow admin status</c>, and the same figures on /metrics.</summary>
    internal static void AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeadLetters.DeadLetters>();
        builder.Services.AddSingleton<ServiceStatusReader>();
        builder.Services.AddHostedService<OperationsMetrics>();
    }
}
