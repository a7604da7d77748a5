using CaseFlow.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseFlow.ServiceDefaults.Security;

internal static class Authentication
{
    /// <summary>
    /// JWT bearer tokens: from any OIDC issuer when Auth:Authority is set (production), otherwise signed
    /// with the development key Auth:SigningKey (see <c>./caseflow token</c>), which only the Development
    /// environment accepts.
    /// </summary>
    public static void AddCallerAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        if (auth["Authority"] is not { Length: > 0 } && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Auth:SigningKey is a development key and is refused in the '{builder.Environment.EnvironmentName}' environment: " +
                "set Auth:Authority (and Auth:Audience) to your OIDC issuer, or run with ASPNETCORE_ENVIRONMENT=Development on a development machine.");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.NameClaimType = ClaimNames.User;
            jwt.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
            if (auth["Authority"] is { Length: > 0 } authority)
            {
                jwt.Authority = authority;
                jwt.Audience = auth["Audience"] ?? DevelopmentTokens.Audience;
                jwt.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
                return;
            }
            jwt.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
            jwt.TokenValidationParameters.ValidAudience = DevelopmentTokens.Audience;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.Key(auth["SigningKey"]);
        });
        builder.Services.AddAuthorization();
    }
}
