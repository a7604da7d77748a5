using System.Net;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>Bad input gets a clear error naming the field, and changes nothing.</summary>
public sealed class BadInputTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    public static TheoryData<string, object> BadCases => new()
    {
        { "centerId", new { requestId = Guid.NewGuid().ToString(), category = "family-separation", applicantName = "Nobody-1" } },
        { "centerId", new { requestId = Guid.NewGuid().ToString(), centerId = "atlantis", category = "family-separation", applicantName = "Nobody-2" } },
        { "category", new { requestId = Guid.NewGuid().ToString(), centerId = "kara-suu", category = "fishing-licence", applicantName = "Nobody-3" } },
        { "applicantName", new { requestId = Guid.NewGuid().ToString(), centerId = "kara-suu", category = "family-separation", applicantName = "   " } },
        { "occurredAt", new { requestId = Guid.NewGuid().ToString(), centerId = "kara-suu", category = "family-separation", applicantName = "Nobody-5", occurredAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O") } },
        { "channel", new { requestId = Guid.NewGuid().ToString(), centerId = "kara-suu", category = "family-separation", applicantName = "Nobody-6", channel = "carrier-pigeon" } },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task Bad_json_input_is_a_400_naming_the_field_and_appends_nothing(string field, object body)
    {
        var before = await system.Count(system.Intake, "mt_events");

        var answer = await system.Intake.Json(system.Token()).Post("/v1/cases", body);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Body.ShouldContain(field);
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var before = await system.Count(system.Intake, "mt_events");
        var body = """{"centerId": "kara-suu", "applicantName": """;

        var answer = await system.Intake.Json(system.Token()).SendText(HttpMethod.Post, "/v1/cases", body);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Body.ShouldContain("malformed JSON near");
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
    }

    [Fact]
    public async Task Over_grpc_every_problem_is_an_invalid_argument_with_field_details()
    {
        var intake = new IntakeClient(system.Intake.Grpc);
        var error = await Should.ThrowAsync<RpcException>(() => intake.OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            CenterId = "",
            Category = "family-separation",
            ApplicantName = "",
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(3)),
        }, RunningService.Bearer(system.Token())).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var details = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
        details.FieldViolations.Select(v => v.Field).ShouldBe(["centerId", "applicantName", "occurredAt"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_case_id_that_is_not_an_id_is_a_400_and_an_unknown_one_a_404()
    {
        var intake = system.Intake.Json(system.Token());
        (await intake.Get("/v1/cases/not-a-case")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.Get($"/v1/cases/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
