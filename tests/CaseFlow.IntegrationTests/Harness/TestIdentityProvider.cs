using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CaseFlow.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1 standing in for the installation's own (Keycloak, Entra ID, …), which
/// cannot run here: discovery, RS256 keys, the authorization-code flow with PKCE and form_post, userinfo, and client
/// credentials. Whoever is "at the keyboard" (<see cref="SignInAs"/>) is signed in without a form. What it issues is
/// what any provider issues, so the services and the dashboard are tested with their production settings.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string DashboardClient = "caseflow-dashboard";
    public const string DashboardSecret = "dashboard-client-secret-for-tests";

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private readonly ConcurrentDictionary<string, Person> byAccessToken = new();
    private readonly Dictionary<string, (string Secret, Person Identity)> clients = new();
    private WebApplication? app;
    private readonly string keyEncryptionSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private Person atKeyboard = new("nobody", "none", null);

    public Uri Issuer { get; private set; } = null!;

    /// <summary>How many authorization requests (sign-ins) a browser was sent here with.</summary>
    public int Authorizations => authorizations;
    private int authorizations;

    /// <summary>The person the next authorization request signs in.</summary>
    public void SignInAs(string user, string role, string? center = null) => atKeyboard = new Person(user, role, center);

    /// <summary>A client allowed client credentials, and the identity its tokens carry.</summary>
    public void AddClient(string id, string secret, string role, string? center = null) => clients[id] = (secret, new Person(id, role, center));

    /// <summary>An access token for CaseFlow's audience, as the provider would give an operator's application.</summary>
    public string AccessToken(string user, string role, string? center = null) => Issue(new Person(user, role, center), DevelopmentTokens.Audience, nonce: null);

    /// <summary>
    /// What an installation with its own provider sets (docs/deployment): the provider, the Production environment, and
    /// the secrets that are derived from the development key only when there is no provider.
    /// </summary>
    public string[] InstallationSettings() =>
    [
        $"--Auth:Authority={Issuer}",
        "--Auth:RequireHttpsMetadata=false",
        $"--Auth:ClientId={DashboardClient}",
        $"--Auth:ClientSecret={DashboardSecret}",
        "--environment=Production",
        "--Audit:ChainKey=chain-key-of-the-provider-test-installation",
        $"--PersonalData:KeyEncryptionKeys:k1={keyEncryptionSecret}",
        "--PersonalData:CurrentKeyEncryptionKey=k1",
        "--PersonalData:IndexKey=index-key-of-the-provider-test-installation",
    ];

    public static async Task<TestIdentityProvider> Start()
    {
        var provider = new TestIdentityProvider();
        provider.AddClient(DashboardClient, DashboardSecret, CallerRoles.Dashboard);
        for (var attempt = 1; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            provider.Issuer = new Uri($"http://127.0.0.1:{port}");
            provider.Map(app);
            try
            {
                await app.StartAsync();
                provider.app = app;
                return provider;
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync();
            }
        }
    }

    private string IssuerText => Issuer.ToString().TrimEnd('/');

    private void Map(WebApplication web)
    {
        web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerText,
            ["authorization_endpoint"] = $"{IssuerText}/authorize",
            ["token_endpoint"] = $"{IssuerText}/token",
            ["userinfo_endpoint"] = $"{IssuerText}/userinfo",
            ["jwks_uri"] = $"{IssuerText}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["grant_types_supported"] = new[] { "authorization_code", "client_credentials" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        web.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        web.MapGet("/authorize", (HttpRequest request) => Authorize(request));
        web.MapPost("/token", async (HttpRequest request) => await Token(request));
        web.MapGet("/userinfo", (HttpRequest request) =>
            request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ")
            && byAccessToken.TryGetValue(header["Bearer ".Length..], out var person)
                ? Results.Json(Claims(person))
                : Results.Unauthorized());
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["response_type"] != "code" || !clients.ContainsKey(q["client_id"].ToString()) || string.IsNullOrEmpty(q["redirect_uri"])
            || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest("response_type=code, a known client_id, redirect_uri and a S256 code_challenge are required");
        Interlocked.Increment(ref authorizations);
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        grants[code] = new Grant(atKeyboard, q["client_id"]!, q["redirect_uri"]!, q["nonce"], q["code_challenge"]!);
        var state = q["state"].ToString();
        if (q["response_mode"] == "form_post")
        {
            var html = HtmlEncoder.Default;
            return Results.Content($"""
                <html><body onload="document.forms[0].submit()"><form method="post" action="{html.Encode(q["redirect_uri"]!)}">
                <input type="hidden" name="code" value="{code}"/><input type="hidden" name="state" value="{html.Encode(state)}"/>
                </form></body></html>
                """, "text/html");
        }
        return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (request.Headers.Authorization.ToString() is var basic && basic.StartsWith("Basic "))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic["Basic ".Length..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        if (!clients.TryGetValue(clientId, out var client) || client.Secret != secret)
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        switch (form["grant_type"].ToString())
        {
            case "client_credentials":
                return Results.Json(new { access_token = Remember(client.Identity), token_type = "Bearer", expires_in = 3600 });
            case "authorization_code":
                if (!grants.TryRemove(form["code"].ToString(), out var grant) || grant.ClientId != clientId || grant.RedirectUri != form["redirect_uri"]
                    || Challenge(form["code_verifier"].ToString()) != grant.CodeChallenge)
                    return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
                return Results.Json(new
                {
                    access_token = Remember(grant.Person),
                    id_token = Issue(grant.Person, clientId, grant.Nonce),
                    token_type = "Bearer",
                    expires_in = 3600,
                });
            default:
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }
    }

    private string Remember(Person person)
    {
        var token = Issue(person, DevelopmentTokens.Audience, nonce: null);
        byAccessToken[token] = person;
        return token;
    }

    private string Issue(Person person, string audience, string? nonce)
    {
        var now = DateTime.UtcNow;
        var claims = Claims(person);
        if (nonce is not null) claims["nonce"] = nonce;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerText,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static Dictionary<string, object> Claims(Person person)
    {
        var claims = new Dictionary<string, object> { [ClaimNames.User] = person.User, [ClaimNames.Role] = person.Role };
        if (person.Center is not null) claims[ClaimNames.Center] = person.Center;
        return claims;
    }

    private static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    private sealed record Person(string User, string Role, string? Center);

    private sealed record Grant(Person Person, string ClientId, string RedirectUri, string? Nonce, string CodeChallenge);
}
