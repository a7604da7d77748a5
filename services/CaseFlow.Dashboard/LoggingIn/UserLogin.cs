using System.Security.Claims;
using CaseFlow.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CaseFlow.Dashboard.LoggingIn;

/// <summary>
/// Who may look at the dashboard: people whose role is dashboard or supervisor, in a cookie session. Through any OIDC
/// provider when Auth:Authority is set (Auth:ClientId, Auth:ClientSecret; its tokens name the role in a "role" claim),
/// else through the local login page and the development token issuer (Auth:SigningKey, Development only).
/// What the user may see does not follow from their role: the dashboard reads as its own dashboard identity.
/// </summary>
public static class UserLogin
{
    public const string Policy = "dashboard-user";
    public static readonly string[] Roles = [CallerRoles.Dashboard, CallerRoles.Supervisor];

    public static bool UsesProvider(IConfiguration configuration) => configuration["Auth:Authority"] is { Length: > 0 };

    public static void AddUserLogin(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!UsesProvider(configuration) && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"the development login is refused in the '{builder.Environment.EnvironmentName}' environment: set Auth:Authority " +
                "(Auth:ClientId, Auth:ClientSecret) to your OIDC provider, or run with ASPNETCORE_ENVIRONMENT=Development.");
        var authentication = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (UsesProvider(configuration)) o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/login";
            cookie.Cookie.Name = "caseflow-dashboard";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        if (UsesProvider(configuration))
            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.Authority = configuration["Auth:Authority"];
                oidc.RequireHttpsMetadata = configuration.GetValue("Auth:RequireHttpsMetadata", true);
                oidc.ClientId = configuration["Auth:ClientId"];
                oidc.ClientSecret = configuration["Auth:ClientSecret"];
                oidc.ResponseType = "code";
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.TokenValidationParameters.NameClaimType = ClaimNames.User;
                oidc.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                oidc.ClaimActions.MapUniqueJsonKey(ClaimNames.Role, ClaimNames.Role);
                if (!oidc.RequireHttpsMetadata)
                {
                    // An issuer on plain http (a test or a laptop): the sign-in's own cookies must then work on http too.
                    foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                    {
                        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                        cookie.SameSite = SameSiteMode.Lax;
                    }
                }
            });
        else
            builder.Services.AddSingleton<DevelopmentLogin>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, Roles));
        builder.Services.AddCascadingAuthenticationState();
    }

    public static void MapUserLogin(this WebApplication app)
    {
        if (UsesProvider(app.Configuration))
            app.MapGet("/login/provider", (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });
    }

    /// <summary>Only a path of this site: a login never sends anyone elsewhere.</summary>
    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/" + (returnUrl ?? "").TrimStart('/', '\\');

    /// <summary>The cookie's principal: the user and their role, nothing else of the token.</summary>
    public static ClaimsPrincipal Principal(string user, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimNames.User, user), new Claim(ClaimNames.Role, role)],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.User, ClaimNames.Role));
}
