using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.ServiceDefaults.Security;

internal static class Authentication
{
    /// <summary>
    /// JWT bearer tokens: from any OIDC issuer when Auth:Authority is set (production), otherwise signed
    /// with the development key Auth:SigningKey (see <c>./caseflow token</c>).
    /// </summary>
    public static void AddCallerAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.NameClaimType = ClaimNames.User;
            jwt.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
            if (auth["Authority"] is { Length: > 0 } authority)
            {
                jwt.Authority = authority;
                jwt.Audience = auth["Audience"] ?? DevelopmentTokens.Audience;
                return;
            }
            jwt.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
            jwt.TokenValidationParameters.ValidAudience = DevelopmentTokens.Audience;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.Key(auth["SigningKey"]);
        });
        builder.Services.AddAuthorization();
    }
}

/// <summary>Tokens signed with the local development key, for <c>./caseflow token</c> and the tests.</summary>
public static class DevelopmentTokens
{
    public const string Issuer = "caseflow-dev";
    public const string Audience = "caseflow";

    public static SymmetricSecurityKey Key(string? signingKey)
    {
        if (string.IsNullOrWhiteSpace(signingKey) || Encoding.UTF8.GetByteCount(signingKey) < 32)
            throw new InvalidOperationException(
                "Auth:SigningKey must be set to at least 32 characters (./caseflow sets it from .caseflow/dev-signing-key), " +
                "or Auth:Authority to an OIDC issuer.");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey));
    }

    public static string Issue(string signingKey, string user, string role, string? center, TimeSpan lifetime, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { [ClaimNames.User] = user, [ClaimNames.Role] = role };
        if (!string.IsNullOrWhiteSpace(center)) claims[ClaimNames.Center] = center;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(Key(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(descriptor);
    }
}
