using System.Net;
using CaseFlow.Access;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// An installation: the services in Production, trusting its OIDC provider (discovery, signing keys fetched from it)
/// and nothing else: the provider's tokens carry the same role and center rules; the development key is refused.
/// </summary>
public sealed class IdentityProviderTests(SystemWithIdentityProvider system) : IClassFixture<SystemWithIdentityProvider>
{
    [Fact]
    public async Task The_providers_tokens_are_accepted_with_their_role_and_center()
    {
        var lawyer = system.Provider.AccessToken("lawyer-aigul", CallerRoles.Operator, "kara-suu");
        var opened = await system.Intake.Json(lawyer).OpenCase(IntakeCalls.NewCase());

        (await system.Intake.Json(lawyer).Get($"/v1/cases/{opened.Str("caseId")}")).Status.ShouldBe(HttpStatusCode.OK);
        var elsewhere = system.Provider.AccessToken("lawyer-nurlan", CallerRoles.Operator, "osh");
        (await system.Intake.Json(elsewhere).Get($"/v1/cases/{opened.Str("caseId")}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid and user_name = 'lawyer-aigul'", opened.Str("caseId")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_development_token_is_refused_even_when_signed_with_the_configured_key()
    {
        var before = await system.Count(system.Intake, "mt_events");
        // The harness still passes its signing key: an installation with a provider must not honour it.
        var development = system.Token(CallerRoles.Supervisor, center: null, user: "mallory");

        (await system.Intake.Json(development).Post("/v1/cases", IntakeCalls.NewCase())).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
    }
}
