using CaseFlow.Gateway;

var builder = WebApplication.CreateBuilder(args);
var services = ProxiedService.FromConfiguration(builder.Configuration);
builder.ListenOnPublicPorts(services);
builder.Services.AddReverseProxy().LoadFromMemory(
    [.. services.SelectMany(s => s.Routes())], [.. services.SelectMany(s => s.Clusters(builder.Configuration))]);

var app = builder.Build();
app.Logger.LogInformation("Gateway in front of {Services}", string.Join("; ", services));
app.MapReverseProxy();
app.Run();
