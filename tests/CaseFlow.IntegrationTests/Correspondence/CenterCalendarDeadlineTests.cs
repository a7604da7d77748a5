using CaseFlow.Access;
using CaseFlow.Correspondence;
using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>Correspondence's clock pinned to Monday 4 May 2020, 11:00 in Kara-Suu, the day before Constitution Day.</summary>
public sealed class May2020System : CaseFlowSystem
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2020, 5, 4, 5, 0, 0, TimeSpan.Zero));

    protected override Action<WebApplicationBuilder>? Customize(ServiceIdentity identity) =>
        identity.Name == CorrespondenceService.Identity.Name ? builder => builder.Services.AddSingleton<TimeProvider>(Clock) : null;

    public DeadlineWatch Watch => Correspondence.App.Services.GetRequiredService<DeadlineWatch>();

    /// <summary>Valid from the pinned clock to well past the real one, for Intake (real time) and Correspondence (2020) alike.</summary>
    public string LongToken => DevelopmentTokens.Issue(SigningKey, "lawyer-aigul", Caller.Operator, "kara-suu", TimeSpan.FromDays(365 * 12), Clock);

    public string LongSupervisorToken => DevelopmentTokens.Issue(SigningKey, "coordinator-dina", Caller.Supervisor, null, TimeSpan.FromDays(365 * 12), Clock);
}

public sealed class CenterCalendarDeadlineTests(May2020System system) : IClassFixture<May2020System>
{
    private Task<long> OverdueEvents(string caseId) =>
        system.Count(system.Correspondence, "mt_events", "stream_id = $1 and type = 'reply_overdue'", Guid.Parse(caseId));

    [Fact]
    public async Task A_reply_due_in_working_days_across_public_holidays_becomes_overdue_at_midnight_in_Kara_Suu_on_the_right_day()
    {
        var token = system.LongToken;
        var client = system.Correspondence.Json(token);
        // An agency whose usual reply time counts working days (the sample agencies count calendar days).
        await system.Correspondence.Json(system.LongSupervisorToken).Post("/v1/agencies", new
        {
            requestId = NewRequestId(), agencyId = "kg-labour-ministry", agency = new
            {
                name = "Ministry of Labour of the Kyrgyz Republic", country = "Kyrgyzstan", kind = "ministry", languages = new[] { "ky", "ru" },
                address = "Bishkek", channel = "post", defaultReplyDays = 10, replyDaysAreWorkingDays = true,
            },
        }).Ok();
        var caseId = await CaseWithFile(system, token);
        await GiveConsent(system, token, caseId);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "kg-labour-ministry", language = "ru", kind = "information-request",
            subject = "О возвращении ребёнка", body = "Просим сообщить.",
        })).Str("letterId");
        await client.Post($"/v1/cases/{caseId}/letters/{letterId}/sending", new { requestId = NewRequestId(), channel = "post" }).Ok();

        // 10 working days from Monday 4 May: 5 May (Constitution Day), 9-10 and 16-17 May (weekends) and 11 May (Victory
        // Day, moved from Saturday) do not count. Calendar days would have said 14 May, ending at 00:00 UTC.
        (await client.Letter(caseId, letterId)).Str("replyDueBy").ShouldBe("2020-05-20");

        system.Clock.SetUtcNow(new DateTimeOffset(2020, 5, 20, 17, 59, 0, TimeSpan.Zero)); // 23:59 on the due day in Kara-Suu
        await system.Watch.Sweep(CancellationToken.None);
        (await OverdueEvents(caseId)).ShouldBe(0);

        system.Clock.SetUtcNow(new DateTimeOffset(2020, 5, 20, 18, 0, 1, TimeSpan.Zero)); // 00:00:01 on 21 May there, 20 May in UTC
        await Eventually.True(async () => await OverdueEvents(caseId) == 1, "the watch to raise the overdue on Kara-Suu's day");
        var raisedAt = await system.Count(system.Correspondence, "mt_events",
            "stream_id = $1 and type = 'reply_overdue' and (data ->> 'OccurredAt')::timestamptz = '2020-05-20T18:00:00Z'", Guid.Parse(caseId));
        raisedAt.ShouldBe(1);
    }
}
