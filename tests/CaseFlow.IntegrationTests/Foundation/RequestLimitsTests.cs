using System.Net;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>A system whose per-user rate limit is low enough to reach in a test.</summary>
public sealed class RateLimitedSystem : CaseFlowSystem
{
    protected override int PermitsPerSecond => 5;
}

/// <summary>Every service refuses bodies over its size limit and callers over their rate, each user on their own.</summary>
public sealed class RequestLimitsTests(RateLimitedSystem system) : IClassFixture<RateLimitedSystem>
{
    [Fact]
    public async Task A_user_over_the_rate_gets_429_with_retry_after_while_another_user_is_served()
    {
        var hasty = system.Intake.Json(system.Token(user: "hasty-lawyer"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => hasty.Get("/v1/cases?pageSize=1")));

        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        refused.ShouldNotBeEmpty();
        refused.ShouldAllBe(a => a.RetryAfter != null);
        answers.Count(a => a.Succeeded).ShouldBeGreaterThan(0);

        var calm = system.Intake.Json(system.Token(user: "calm-lawyer"));
        (await calm.Get("/v1/cases?pageSize=1")).Status.ShouldBe(HttpStatusCode.OK);
        (await system.Intake.Json(token: null).Get("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_and_changes_nothing()
    {
        var intake = system.Intake.Json(system.Token(user: "big-body-lawyer"));
        var huge = $$"""{"centerId":"kara-suu","category":"family-separation","applicantName":"{{new string('x', 2 * 1024 * 1024)}}"}""";
        var before = await system.Count(system.Intake, "mt_events");

        var answer = await intake.SendText(HttpMethod.Post, "/v1/cases", huge);

        answer.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
    }
}
