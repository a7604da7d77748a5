using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Access;

/// <summary>Tokens signed with the local development key: issued by <c>./caseflow token</c> and the tests, checked by the services.</summary>
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
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
