using System.Net;
using CaseFlow.Admin.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using AdminClient = CaseFlow.Admin.Api.V1.Admin.AdminClient;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// The same order of checks on every call, of every kind: the token (401), the caller's role as the proto declares it
/// (403), the input (400), then the case's center (403) and the case itself.
/// </summary>
public sealed class CallOrderTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private const string WrongTypes = """{"requestId":"r-1","topic":12345,"durationMinutes":"forty-two"}""";

    [Theory]
    [InlineData(Caller.Operator)]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.Dashboard)]
    public async Task A_non_supervisor_rebuilding_a_projection_is_permission_denied_over_grpc_and_403_over_json(string role)
    {
        var token = system.Token(role, center: role == Caller.Operator ? "kara-suu" : null);
        foreach (var service in new[] { system.Intake, system.Correspondence, system.Reunification })
        {
            var admin = new AdminClient(service.Grpc);
            var rebuild = await Should.ThrowAsync<RpcException>(async () =>
            {
                using var call = admin.RebuildProjection(new RebuildProjectionRequest { Name = "Case" }, RunningService.Bearer(token));
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            });
            rebuild.StatusCode.ShouldBe(StatusCode.PermissionDenied, service.Name);
            (await Should.ThrowAsync<RpcException>(() => admin.ListProjectionsAsync(new ListProjectionsRequest(), RunningService.Bearer(token)).ResponseAsync))
                .StatusCode.ShouldBe(StatusCode.PermissionDenied, service.Name);

            var json = service.Json(token);
            (await Post(json, "/v1/admin/projections/Case/rebuild", "{}")).ShouldBe(HttpStatusCode.Forbidden, service.Name);
            (await json.Get("/v1/admin/projections")).Status.ShouldBe(HttpStatusCode.Forbidden, service.Name);
        }
    }

    [Theory]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.Dashboard)]
    public async Task Auditors_and_dashboards_are_refused_a_write_before_its_input_is_looked_at(string role)
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase())).Str("caseId");
        var reader = system.Intake.Json(system.Token(role, center: null, user: "reader"));
        var before = await system.Count(system.Intake, "mt_events");

        (await Post(reader, $"/v1/cases/{caseId}/consultations", WrongTypes)).ShouldBe(HttpStatusCode.Forbidden);
        (await Post(reader, $"/v1/cases/{caseId}/consultations", "")).ShouldBe(HttpStatusCode.Forbidden);
        (await Post(reader, "/v1/cases/not-a-case/consultations", """{"topic": """)).ShouldBe(HttpStatusCode.Forbidden);
        (await Post(reader, "/v1/cases", """{"applicantName":7}""")).ShouldBe(HttpStatusCode.Forbidden);

        var intake = new IntakeClient(system.Intake.Grpc);
        var grpc = await Should.ThrowAsync<RpcException>(() => intake.HoldConsultationAsync(
            new HoldConsultationRequest { CaseId = "not-a-case", Topic = new string('t', 100_000) },
            RunningService.Bearer(system.Token(role, center: null, user: "reader"))).ResponseAsync);
        grpc.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
    }

    [Fact]
    public async Task An_operator_is_refused_a_supervisors_call_before_its_input_is_looked_at()
    {
        var operatorToken = system.Token();
        (await Post(system.Reunification.Json(operatorToken), "/v1/flights", """{"capacity":"many"}""")).ShouldBe(HttpStatusCode.Forbidden);
        (await Post(system.Reunification.Json(operatorToken), "/v1/flights/not-a-flight/cancel", "")).ShouldBe(HttpStatusCode.Forbidden);
        (await Post(system.Correspondence.Json(operatorToken), "/v1/agencies", """{"agency":{"defaultReplyDays":"soon"}}""")).ShouldBe(HttpStatusCode.Forbidden);
        (await Post(system.Correspondence.Json(operatorToken), "/v1/cases/x/letters/y/approval", "{")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_call_without_a_token_is_401_before_anything_else()
    {
        var stranger = system.Intake.Json(token: null);
        (await Post(stranger, "/v1/cases", """{"centerId": """)).ShouldBe(HttpStatusCode.Unauthorized);
        (await Post(stranger, "/v1/cases", "")).ShouldBe(HttpStatusCode.Unauthorized);
        (await Post(stranger, "/v1/admin/projections/Case/rebuild", "{}")).ShouldBe(HttpStatusCode.Unauthorized);

        var admin = new AdminClient(system.Intake.Grpc);
        var rebuild = await Should.ThrowAsync<RpcException>(async () =>
        {
            using var call = admin.RebuildProjection(new RebuildProjectionRequest { Name = "" });
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
        });
        rebuild.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        (await Should.ThrowAsync<RpcException>(() => new IntakeClient(system.Intake.Grpc)
            .OpenCaseAsync(new OpenCaseRequest { RequestId = "not valid!" }).ResponseAsync)).StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_token_of_no_known_role_is_refused_every_call()
    {
        var janitor = system.Token("janitor", center: null, user: "night-shift");
        (await system.Intake.Json(janitor).Get($"/v1/cases/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Post(system.Intake.Json(janitor), "/v1/cases", WrongTypes)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_input_is_checked_before_the_cases_center()
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase())).Str("caseId");
        var osh = system.Intake.Json(system.Token(center: "osh"));

        var answer = await osh.SendText(HttpMethod.Post, $"/v1/cases/{caseId}/consultations", WrongTypes);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body);
        answer.Body.ShouldContain("durationMinutes: expected an integer");
        answer.Body.ShouldContain("topic: expected a string");
        (await Post(osh, $"/v1/cases/{caseId}/consultations", """{"topic":"t","advice":"a","durationMinutes":10}""")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_id_outside_the_rule_is_refused_naming_it_and_creates_nothing()
    {
        var intake = system.Intake.Json(system.Token());
        var before = await system.Count(system.Intake, "mt_events");

        var answer = await intake.Post("/v1/cases", IntakeCalls.NewCase(requestId: "not a valid id!"));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body);
        answer.Json["details"]![0]!["fieldViolations"]![0]!["field"]!.ToString().ShouldBe("requestId");
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
        (await intake.Post("/v1/cases", IntakeCalls.NewCase(requestId: "intake:r-1.retry_2"))).EnsureSuccess();
    }

    [Fact]
    public async Task Over_grpc_too_a_wrong_value_is_named_by_its_json_path()
    {
        var intake = new IntakeClient(system.Intake.Grpc);
        var error = await Should.ThrowAsync<RpcException>(() => intake.RecordFamilyMemberAsync(new RecordFamilyMemberRequest
        {
            CaseId = Guid.NewGuid().ToString(),
            Member = new FamilyMember { MemberId = "son-1", Caregiver = new string('c', 100_000) },
        }, RunningService.Bearer(system.Token())).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ShouldBe(["member.caregiver"]);
    }

    [Fact]
    public async Task A_query_value_that_would_not_parse_names_its_field_and_an_unknown_parameter_is_ignored()
    {
        var intake = system.Intake.Json(system.Token());
        var answer = await intake.Get("/v1/cases?centerId=kara-suu&pageSize=twenty&openedFrom=last-week");
        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body);
        answer.Json["details"]![0]!["fieldViolations"]!.AsArray().Select(v => v!["field"]!.ToString()).ShouldBe(["pageSize", "openedFrom"]);
        (await intake.Get("/v1/cases?centerId=kara-suu&pageSize=5&utm_source=mail")).EnsureSuccess();

        var supervisor = system.Correspondence.Json(system.Token(Caller.Supervisor, center: null, user: "coordinator"));
        var delete = await supervisor.Delete("/v1/agencies/ru-consulate-osh?expectedVersion=soon");
        delete.Status.ShouldBe(HttpStatusCode.BadRequest);
        delete.Body.ShouldContain("expectedVersion");
    }

    private static async Task<HttpStatusCode> Post(JsonApi client, string path, string body) =>
        (await client.SendText(HttpMethod.Post, path, body)).Status;
}
