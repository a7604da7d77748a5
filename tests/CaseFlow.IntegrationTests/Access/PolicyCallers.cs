using System.Security.Cryptography;
using CaseFlow.Access;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.IntegrationTests.Access;

/// <summary>
/// One caller of the access matrix: a role and center in a valid token, or no token / a token the services must not
/// trust (then <see cref="Role"/> is null: nothing about the call matters, the answer is 401).
/// </summary>
public sealed record PolicyCaller(string Name, string? Token, string? Role, string? Center)
{
    public bool Authenticated => Role is not null;

    public override string ToString() => Name;

    /// <summary>Operators of the case's center and of another, supervisor, auditor, dashboard, and five that are not believed.</summary>
    public static IReadOnlyList<PolicyCaller> All(CaseFlowSystem system, string caseCenter)
    {
        var now = DateTime.UtcNow;
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        string Crafted(string key, string issuer = DevelopmentTokens.Issuer, string audience = DevelopmentTokens.Audience, DateTime? expires = null)
        {
            var expiry = expires ?? now.AddHours(1);
            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer, Audience = audience,
                Claims = new Dictionary<string, object> { [ClaimNames.User] = "mallory", [ClaimNames.Role] = Caller.Supervisor },
                IssuedAt = expiry.AddHours(-2), NotBefore = expiry.AddHours(-2), Expires = expiry,
                SigningCredentials = new SigningCredentials(DevelopmentTokens.Key(key), SecurityAlgorithms.HmacSha256),
            });
        }
        return
        [
            new("operator of the case's center", system.Token(Caller.Operator, caseCenter, "lawyer-aigul"), Caller.Operator, caseCenter),
            new("operator of another center", system.Token(Caller.Operator, "osh", "lawyer-osh"), Caller.Operator, "osh"),
            new("supervisor", system.Token(Caller.Supervisor, null, "coordinator"), Caller.Supervisor, null),
            new("auditor", system.Token(Caller.Auditor, null, "donor-auditor"), Caller.Auditor, null),
            new("dashboard", system.Token(Caller.Dashboard, null, "dashboard"), Caller.Dashboard, null),
            new("no token", null, null, null),
            new("expired token", Crafted(system.SigningKey, expires: now.AddHours(-1)), null, null),
            new("token signed with another key", Crafted(otherKey), null, null),
            new("token for another audience", Crafted(system.SigningKey, audience: "another-api"), null, null),
            new("token of another issuer", Crafted(system.SigningKey, issuer: "someone-else"), null, null),
        ];
    }
}
