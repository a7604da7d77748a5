using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Calling;
using Grpc.Core;
using AdminClient = CaseFlow.Admin.Api.V1.Admin.AdminClient;

namespace CaseFlow.Cli.Administering;

/// <summary>The services' Admin APIs as a supervisor calls them.</summary>
public static class AdminServices
{
    public static readonly string[] Names = ["intake", "correspondence", "reunification"];

    /// <summary>Every service, or the one named.</summary>
    public static IReadOnlyList<(string Name, AdminClient Client, Metadata Auth)> Chosen(string? only)
    {
        var endpoints = ServiceEndpoints.FromEnvironment("supervisor", "admin-cli");
        return endpoints.Services.Where(s => only is null || s.Name == only)
            .Select(s => (s.Name, new AdminClient(endpoints.Channel(s.Grpc)), endpoints.Authorization)).ToList();
    }

    public static (AdminClient Client, Metadata Auth) One(string name)
    {
        var (_, client, auth) = Chosen(name).Single();
        return (client, auth);
    }

    /// <summary>A call to one service; a service that does not answer is named, not left to a stack trace.</summary>
    public static async Task<T> Call<T>(string service, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        // No connection (the client's own exception inside) or no answer in time: the service is not there.
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable && e.Status.DebugException is not null || e.StatusCode is StatusCode.DeadlineExceeded)
        {
            throw new ServiceDidNotAnswer(service, e.Status.DebugException?.Message ?? e.Status.Detail, e);
        }
    }
}
