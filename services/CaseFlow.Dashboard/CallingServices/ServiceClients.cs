using CaseFlow.Access;
using Grpc.Core;
using Grpc.Net.Client;
using CorrespondenceClient = CaseFlow.Correspondence.Api.V1.Correspondence.CorrespondenceClient;
using IntakeClient = CaseFlow.Intake.Api.V1.Intake.IntakeClient;
using ReunificationClient = CaseFlow.Reunification.Api.V1.Reunification.ReunificationClient;

namespace CaseFlow.Dashboard.CallingServices;

/// <summary>The three services' gRPC clients, each call carrying the dashboard's own token (<see cref="ServiceToken"/>).</summary>
public sealed class ServiceClients(IConfiguration configuration, ServiceToken token) : IDisposable
{
    private readonly GrpcChannel intake = Channel(configuration, "Intake");
    private readonly GrpcChannel correspondence = Channel(configuration, "Correspondence");
    private readonly GrpcChannel reunification = Channel(configuration, "Reunification");

    public IntakeClient Intake => new(intake);
    public CorrespondenceClient Correspondence => new(correspondence);
    public ReunificationClient Reunification => new(reunification);

    public async Task<CallOptions> Options(CancellationToken ct) => new(
        headers: new Metadata { { "authorization", "Bearer " + await token.Get(ct) } },
        deadline: DateTime.UtcNow.AddSeconds(15),
        cancellationToken: ct);

    /// <summary>Services:&lt;Name&gt;:Grpc, as the services find each other; the ports of infra/ports.env by default.</summary>
    private static GrpcChannel Channel(IConfiguration configuration, string service) =>
        GrpcChannel.ForAddress(configuration[$"Services:{service}:Grpc"] is { Length: > 0 } address
            ? address
            : ServicePorts.Of(service.ToLowerInvariant()).GrpcAddress.ToString());

    public void Dispose()
    {
        intake.Dispose();
        correspondence.Dispose();
        reunification.Dispose();
    }
}

public static class ServiceClientsSetup
{
    public static void AddServiceClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ServiceToken>();
        builder.Services.AddSingleton<ServiceClients>();
        builder.Services.AddScoped<Reading.StatisticsReader>();
    }
}
