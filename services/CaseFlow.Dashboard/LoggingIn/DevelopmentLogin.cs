using CaseFlow.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Dashboard.LoggingIn;

/// <summary>
/// The local login: issues a development token for a user name and role, or accepts one from <c>./caseflow token</c>,
/// checked exactly as the services check it (the development signing key, issuer and audience). Only the dashboard
/// and supervisor roles get in.
/// </summary>
public sealed class DevelopmentLogin(IConfiguration configuration, TimeProvider clock)
{
    public string Issue(string user, string role) =>
        DevelopmentTokens.Issue(configuration["Auth:SigningKey"]!, user, role, center: null, TimeSpan.FromHours(8), clock);

    /// <summary>The token's user and role, or why it is refused.</summary>
    public async Task<(string? User, string? Role, string? Refusal)> Accept(string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Trim(), new TokenValidationParameters
        {
            ValidIssuer = DevelopmentTokens.Issuer,
            ValidAudience = DevelopmentTokens.Audience,
            IssuerSigningKey = DevelopmentTokens.Key(configuration["Auth:SigningKey"]),
            LifetimeValidator = (notBefore, expires, _, _) =>
                clock.GetUtcNow().UtcDateTime is var now && (notBefore is null || notBefore <= now.AddMinutes(5)) && (expires is null || expires > now),
        });
        if (!result.IsValid) return (null, null, "the token is not valid: " + result.Exception?.Message);
        var user = result.Claims.TryGetValue(ClaimNames.User, out var u) ? u?.ToString() : null;
        var role = result.Claims.TryGetValue(ClaimNames.Role, out var r) ? r?.ToString() : null;
        if (string.IsNullOrWhiteSpace(user)) return (null, null, "the token names no user");
        if (role is null || !UserLogin.Roles.Contains(role))
            return (null, null, $"role '{role}' may not use the dashboard (only {string.Join(" or ", UserLogin.Roles)})");
        return (user, role, null);
    }
}
