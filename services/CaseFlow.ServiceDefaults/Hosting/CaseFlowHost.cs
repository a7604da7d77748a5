using CaseFlow.ServiceDefaults.Admin;
using CaseFlow.ServiceDefaults.Calendar;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Faults;
using CaseFlow.ServiceDefaults.Security;
using CaseFlow.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>Everything the three services share, so each Program.cs stays a few lines.</summary>
public static class CaseFlowHost
{
    public static WebApplicationBuilder CreateBuilder(ServiceIdentity service, string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Several services may share one process (tests): name each after its own assembly.
            ApplicationName = service.Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEmbeddedDefaults(service.Assembly);
        // Shared reference data (ReferenceData:Centers), below each service's own defaults.
        builder.Configuration.AddEmbeddedDefaults(typeof(CaseFlowHost).Assembly, "centers.json");
        builder.Configuration.AddEmbeddedDefaults(typeof(CaseFlowHost).Assembly, "calendars.json");
        builder.Services.AddSingleton(services => CenterCalendars.From(services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        builder.Services.AddSingleton(service);
        var instance = ServiceInstance.FromConfiguration(builder.Configuration, service);
        builder.Services.AddSingleton(instance);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.ListenOnServicePorts(service);
        builder.AddTelemetry(service, instance);
        builder.AddCallerAuthentication();
        builder.AddGrpcApi();
        builder.AddHealth();
        builder.AddRequestLimits();
        builder.AddOperations();
        builder.Services.AddSingleton(sp => FaultHooks.FromConfiguration(builder.Configuration, sp.GetRequiredService<ILogger<FaultHooks>>()));
        builder.AddApiReference(service);
        return builder;
    }

    public static WebApplication MapCaseFlowDefaults(this WebApplication app)
    {
        app.UseHttpStatusOfGrpcErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: the bucket is the caller's own
        app.UseJsonBodyCheck(); // after the token check: a stranger learns nothing, not even a parse error
        app.MapHealth();
        app.MapApiReference();
        app.MapMetrics();
        app.MapGrpcReflectionService();
        app.MapGrpcService<AdminApi>().RequireAuthorization();
        return app;
    }
}
