using System.Net;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Access;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;

namespace CaseFlow.IntegrationTests.Foundation;

public sealed class AuthenticationTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task A_call_without_a_token_is_401_and_unauthenticated()
    {
        (await system.Intake.Json(token: null).Post("/v1/cases", IntakeCalls.NewCase()))
            .Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await system.Correspondence.Json(token: null).Get($"/v1/cases/{Guid.NewGuid()}/correspondence"))
            .Status.ShouldBe(HttpStatusCode.Unauthorized);

        var intake = new IntakeClient(system.Intake.Grpc);
        var error = await Should.ThrowAsync<RpcException>(() =>
            intake.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }).ResponseAsync);
        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forged = DevelopmentTokens.Issue(Convert.ToBase64String(new byte[48]), "mallory", Caller.Supervisor, null, TimeSpan.FromHours(1));
        (await system.Intake.Json(forged).Post("/v1/cases", IntakeCalls.NewCase()))
            .Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operator_acts_only_for_their_own_center()
    {
        var before = await system.Count(system.Intake, "mt_events");
        var osh = system.Intake.Json(system.Token(center: "osh"));

        var answer = await osh.Post("/v1/cases", IntakeCalls.NewCase(center: "kara-suu"));

        answer.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);

        var karaSuuCase = await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase());
        (await osh.Get($"/v1/cases/{karaSuuCase.Str("caseId")}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var supervisor = system.Intake.Json(system.Token(Caller.Supervisor, center: null, user: "coordinator"));
        (await supervisor.Get($"/v1/cases/{karaSuuCase.Str("caseId")}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_event_records_who_appended_it()
    {
        var opened = await system.Intake.Json(system.Token(user: "lawyer-nurlan")).OpenCase(IntakeCalls.NewCase());

        (await system.Count(system.Intake, "mt_events",
            "stream_id = $1::uuid and user_name = 'lawyer-nurlan' and headers ->> 'actor-role' = 'operator' and headers ->> 'actor-center' = 'kara-suu' and correlation_id is not null",
            opened.Str("caseId"))).ShouldBe(1);
    }
}
