using System.Net;
using CaseFlow.Access;
using CaseFlow.Dashboard.CallingServices;
using CaseFlow.Dashboard.Components;
using CaseFlow.Dashboard.LoggingIn;
using CaseFlow.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MudBlazor.Services;

namespace CaseFlow.Dashboard;

/// <summary>
/// The web dashboard: a Blazor Web App (Interactive Server) that reads the three services' statistics through their
/// gRPC APIs as its own dashboard identity — never their databases — so no page can hold personal data.
/// </summary>
public static class DashboardService
{
    public const string Name = "dashboard";

    /// <param name="customize">Lets tests replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Tests host it beside the services in one process: its static assets are found by its own name.
            ApplicationName = typeof(DashboardService).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Below every other source, as in the services: settings, environment and arguments override them.
        builder.Configuration.AddEmbeddedDefaults(typeof(DashboardService).Assembly, "dashboard.json");
        builder.Configuration.AddEmbeddedDefaults(typeof(DashboardService).Assembly, "centers.json");
        ListenOnDashboardPort(builder);
        builder.Services.TryAddTimeProvider();
        builder.AddUserLogin();
        builder.AddServiceClients();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHealthChecks();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        app.MapUserLogin();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>HTTP/1.1 only (a browser app): DASHBOARD_HTTP_PORT of infra/ports.env unless Ports:Http says otherwise.</summary>
    private static void ListenOnDashboardPort(WebApplicationBuilder builder)
    {
        var address = IPAddress.Parse(builder.Configuration["Ports:Address"] ?? "127.0.0.1");
        var http = builder.Configuration.GetValue("Ports:Http", ServicePorts.HttpPortOf(Name));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, http, o => o.Protocols = HttpProtocols.Http1));
    }
}
