using CaseFlow.ServiceDefaults.Audit.AccessLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.ServiceDefaults.Audit;

public static class AuditSetup
{
    /// <summary>Serves history, state-as-of and verification of the service's per-case stream, and its access log.</summary>
    public static void AddCaseAudit<TState>(this WebApplicationBuilder builder, Func<TState, string?> centerOf) where TState : class =>
        builder.Services.AddSingleton(new AuditedStream<TState>(centerOf)).AddSingleton<HistoryReader>()
            .AddSingleton<AccessLogReader>().AddSingleton<AccessLogAudit>();

    public static void MapCaseAudit<TState>(this WebApplication app) where TState : class =>
        app.MapGrpcService<CaseAuditApi<TState>>().RequireAuthorization();
}
