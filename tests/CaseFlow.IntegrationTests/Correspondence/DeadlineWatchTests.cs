using System.Net;
using CaseFlow.Access;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>ReplyOverdue once per letter and due date, whichever instance finds it and however often they look.</summary>
public sealed class DeadlineWatchTests(TwoCorrespondenceInstances system) : IClassFixture<TwoCorrespondenceInstances>
{
    // Valid however far the test moves the services' clock.
    private string Token => DevelopmentTokens.Issue(system.SigningKey, "lawyer-aigul", Caller.Operator, "kara-suu", TimeSpan.FromDays(400));

    private Task<long> OverdueEvents(string caseId) =>
        system.Count(system.Correspondence, "mt_events", "stream_id = $1 and type = 'reply_overdue'", Guid.Parse(caseId));

    /// <summary>Both instances sweep at once, twice each: the ones that raced must not raise anything twice.</summary>
    private Task BothInstancesSweep() => Task.WhenAll(
        system.Watch(system.Correspondence).Sweep(CancellationToken.None),
        system.Watch(system.SecondCorrespondence).Sweep(CancellationToken.None),
        system.Watch(system.Correspondence).Sweep(CancellationToken.None),
        system.Watch(system.SecondCorrespondence).Sweep(CancellationToken.None));

    [Fact]
    public async Task Reply_overdue_is_raised_once_with_two_instances_and_once_more_only_when_a_new_due_date_passes()
    {
        var client = system.Correspondence.Json(Token);
        var caseId = await CaseWithFile(system, Token);
        await GiveConsent(system, Token, caseId);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-consulate-osh", language = "ru", kind = "information-request",
            subject = "О въезде", body = "Просим сообщить.",
        })).Str("letterId");
        var letter = $"/v1/cases/{caseId}/letters/{letterId}";
        await client.Post($"{letter}/sending",
            new { requestId = NewRequestId(), channel = "hand-delivery", replyDueBy = system.Today.AddDays(14).ToString("yyyy-MM-dd") }).Ok();

        system.Clock.Advance(TimeSpan.FromDays(14)); // the due day itself: not late yet
        await BothInstancesSweep();
        (await OverdueEvents(caseId)).ShouldBe(0);

        system.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.True(async () => await OverdueEvents(caseId) == 1, "the watch to find the late reply");
        await BothInstancesSweep();
        (await OverdueEvents(caseId)).ShouldBe(1);
        var outstanding = await system.SecondCorrespondence.Json(Token).Get("/v1/outstanding-letters?overdueOnly=true").Ok();
        outstanding["letters"]!.AsArray().ShouldContain(l => l!["letterId"]!.ToString() == letterId && (bool)l["overdue"]!);

        await client.Post($"{letter}/follow-ups",
            new { requestId = NewRequestId(), channel = "e-mail", replyDueBy = system.Today.AddDays(7).ToString("yyyy-MM-dd") }).Ok();
        await BothInstancesSweep();
        (await OverdueEvents(caseId)).ShouldBe(1);
        (await client.Letter(caseId, letterId))["overdue"]?.ToString().ShouldNotBe("true");

        system.Clock.Advance(TimeSpan.FromDays(8));
        await Eventually.True(async () => await OverdueEvents(caseId) == 2, "the watch to find the new due date passed");
        system.Clock.Advance(TimeSpan.FromDays(30));
        await BothInstancesSweep();
        (await OverdueEvents(caseId)).ShouldBe(2);
    }

    [Fact]
    public async Task A_replied_letter_is_never_overdue_and_leaves_the_outstanding_list()
    {
        var client = system.Correspondence.Json(Token);
        var caseId = await CaseWithFile(system, Token);
        await GiveConsent(system, Token, caseId);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-embassy-bishkek", language = "en", kind = "appeal", subject = "Appeal", body = "Text",
        })).Str("letterId");
        var letter = $"/v1/cases/{caseId}/letters/{letterId}";
        await client.Post($"{letter}/sending", new { requestId = NewRequestId(), channel = "e-mail" }).Ok();
        (await client.Letter(caseId, letterId)).Str("replyDueBy").ShouldBe(system.Today.AddDays(30).ToString("yyyy-MM-dd"));
        await client.Post($"{letter}/reply", new { requestId = NewRequestId(), decision = "information", summary = "See attached rules" }).Ok();

        system.Clock.Advance(TimeSpan.FromDays(40));
        await BothInstancesSweep();

        (await OverdueEvents(caseId)).ShouldBe(0);
        var outstanding = await client.Get("/v1/outstanding-letters?agencyId=ru-embassy-bishkek").Ok();
        outstanding["letters"]?.AsArray().ShouldNotContain(l => l!["letterId"]!.ToString() == letterId);
        (await client.Get("/v1/outstanding-letters?centerId=batken")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
