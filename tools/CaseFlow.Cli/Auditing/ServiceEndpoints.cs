using CaseFlow.Access;
using Grpc.Core;
using Grpc.Net.Client;

namespace CaseFlow.Cli.Auditing;

/// <summary>Where the three services answer gRPC, and the token the CLI calls them with.</summary>
public sealed record ServiceEndpoints(IReadOnlyList<(string Name, Uri Grpc)> Services, string Token)
{
    public static ServiceEndpoints FromEnvironment(string role, string user)
    {
        var token = Environment.GetEnvironmentVariable("CASEFLOW_TOKEN") is { Length: > 0 } given ? given : SignedToken(user, role, center: null);
        return new ServiceEndpoints(
        [
            ("intake", Address("CASEFLOW_INTAKE_GRPC", ServicePorts.Intake.GrpcAddress)),
            ("correspondence", Address("CASEFLOW_CORRESPONDENCE_GRPC", ServicePorts.Correspondence.GrpcAddress)),
            ("reunification", Address("CASEFLOW_REUNIFICATION_GRPC", ServicePorts.Reunification.GrpcAddress)),
        ], token);
    }

    public Metadata Authorization => new() { { "authorization", $"Bearer {Token}" } };

    public GrpcChannel Channel(Uri address) => GrpcChannel.ForAddress(address);

    /// <summary>A token signed with the local development key (./caseflow exports it as Auth__SigningKey).</summary>
    public static string SignedToken(string user, string role, string? center)
    {
        var key = Environment.GetEnvironmentVariable("Auth__SigningKey")
            ?? throw new InvalidOperationException("Auth__SigningKey is not set (./caseflow sets it from .caseflow/dev-signing-key)");
        return DevelopmentTokens.Issue(key, user, role, center, TimeSpan.FromHours(1));
    }

    /// <summary>A service address from the environment, or the local default (infra/ports.env).</summary>
    public static Uri Address(string variable, Uri local) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? new Uri(value) : local;
}
