using System.Net;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Foundation;

public sealed class RetriedRequestTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task A_retried_open_case_returns_the_same_case_and_appends_nothing()
    {
        var intake = system.Intake.Json(system.Token());
        var body = IntakeCalls.NewCase(name: "Retried Applicant");

        var first = await intake.OpenCase(body);
        var streamsAfterFirst = await system.Count(system.Intake, "mt_streams");
        var retry = await intake.OpenCase(body);

        retry.Str("caseId").ShouldBe(first.Str("caseId"));
        retry.Str("version").ShouldBe("1");
        (await system.Count(system.Intake, "mt_streams")).ShouldBe(streamsAfterFirst);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_open_one_case()
    {
        var intake = system.Intake.Json(system.Token());
        var body = IntakeCalls.NewCase(name: "Impatient Client");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => intake.OpenCase(body)));

        answers.Select(a => a.Str("caseId")).Distinct().Count().ShouldBe(1);
        (await system.Count(system.Intake, "mt_events", "type = 'case_opened' and stream_id = $1::uuid", answers[0].Str("caseId"))).ShouldBe(1);
        (await intake.Get("/v1/cases?name=Impatient%20Client").Ok())["cases"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_request_is_refused()
    {
        var intake = system.Intake.Json(system.Token());
        var requestId = Guid.NewGuid().ToString();
        await intake.OpenCase(IntakeCalls.NewCase(requestId, name: "First Person"));

        var answer = await intake.Post("/v1/cases", IntakeCalls.NewCase(requestId, name: "Second Person"));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Body.ShouldContain("requestId");
        (await intake.Get("/v1/cases?name=Second%20Person").Ok())["cases"]?.AsArray().Count.ShouldBe(0);
    }
}
