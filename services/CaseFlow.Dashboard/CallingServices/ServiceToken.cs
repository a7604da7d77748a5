using System.Net.Http.Json;
using System.Text.Json.Serialization;
using CaseFlow.Access;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CaseFlow.Dashboard.CallingServices;

/// <summary>
/// The dashboard's own identity towards the services: always the dashboard role, whoever is logged in, so the call
/// gate clears every personal field from what the dashboard is given. Locally a development token signed with
/// Auth:SigningKey; with Auth:Authority, an OAuth client-credentials token of Auth:ClientId / Auth:ClientSecret
/// (the provider must put role=dashboard in it). Renewed at half its lifetime.
/// </summary>
public sealed class ServiceToken(IConfiguration configuration, TimeProvider clock, IHttpClientFactory http)
{
    private static readonly TimeSpan DevelopmentLifetime = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim renewing = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? current;

    public async Task<string> Get(CancellationToken ct)
    {
        if (current is { } held && clock.GetUtcNow() < held.RenewAt) return held.Token;
        await renewing.WaitAsync(ct);
        try
        {
            if (current is { } again && clock.GetUtcNow() < again.RenewAt) return again.Token;
            var (token, lifetime) = configuration["Auth:Authority"] is { Length: > 0 } authority
                ? await FromProvider(authority, ct)
                : (Development(), DevelopmentLifetime);
            current = (token, clock.GetUtcNow() + lifetime / 2);
            return token;
        }
        finally
        {
            renewing.Release();
        }
    }

    private string Development() => DevelopmentTokens.Issue(configuration["Auth:SigningKey"]!,
        configuration["Dashboard:ServiceUser"] ?? "caseflow-dashboard", CallerRoles.Dashboard, center: null, DevelopmentLifetime, clock);

    private async Task<(string, TimeSpan)> FromProvider(string authority, CancellationToken ct)
    {
        var discovery = new ConfigurationManager<OpenIdConnectConfiguration>(
            authority.TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = configuration.GetValue("Auth:RequireHttpsMetadata", true) });
        var endpoint = (await discovery.GetConfigurationAsync(ct)).TokenEndpoint;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = configuration["Auth:ClientId"] ?? throw new InvalidOperationException("Auth:ClientId is required with Auth:Authority"),
            ["client_secret"] = configuration["Auth:ClientSecret"] ?? throw new InvalidOperationException("Auth:ClientSecret is required with Auth:Authority"),
        };
        if (configuration["Auth:ServiceScope"] is { Length: > 0 } scope) form["scope"] = scope;
        using var answer = await http.CreateClient().PostAsync(endpoint, new FormUrlEncodedContent(form), ct);
        answer.EnsureSuccessStatusCode();
        var issued = await answer.Content.ReadFromJsonAsync<IssuedToken>(ct) ?? throw new InvalidOperationException("empty token answer");
        return (issued.AccessToken, TimeSpan.FromSeconds(Math.Max(60, issued.ExpiresIn)));
    }

    private sealed record IssuedToken(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
