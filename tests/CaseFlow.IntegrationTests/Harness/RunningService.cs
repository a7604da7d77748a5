using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>One service of the system under test, reached like any client would: JSON over HTTP/1.1, gRPC over h2c.</summary>
public sealed class RunningService(string name, WebApplication app, int httpPort, int grpcPort) : IAsyncDisposable
{
    private readonly Lazy<GrpcChannel> channel = new(() => GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}"));

    public string Name { get; } = name;
    public WebApplication App { get; } = app;
    public Uri HttpAddress { get; } = new($"http://127.0.0.1:{httpPort}");
    public Uri GrpcAddress { get; } = new($"http://127.0.0.1:{grpcPort}");

    /// <summary>The service's JSON API, called with this token (none: as a stranger).</summary>
    public JsonApi Json(string? token) => new(HttpAddress, token);

    public GrpcChannel Grpc => channel.Value;

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public async ValueTask DisposeAsync()
    {
        if (channel.IsValueCreated) channel.Value.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
