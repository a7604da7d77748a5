using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.CorrespondenceLetters;
using CaseFlow.IntegrationTests.Harness;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.Acceptance;

/// <summary>
/// The second acceptance story (issue 17), through the public APIs: Gulnara's son Emir in Moscow and daughter Aisha in
/// Yekaterinburg; an aunt flies as escort of both; the Ministry's reply, counted in working days, falls overdue across
/// Constitution Day and Victory Day; the first charter is cancelled and both children are rebooked together on the next.
/// Correspondence's clock is pinned to Monday 4 May 2020 (May2020System) so the deadline watch can be moved by hand.
/// </summary>
public sealed class TwoChildrenStoryTests(May2020System system) : IClassFixture<May2020System>
{
    private static readonly string[] Siblings = ["son-1", "daughter-1"];

    private static object At(string? time, object fields) => fields.GetType().GetProperties()
        .ToDictionary(p => p.Name, p => p.GetValue(fields)).Append(new("requestId", Guid.NewGuid().ToString()))
        .Concat(time is null ? [] : [new KeyValuePair<string, object?>("occurredAt", time)])
        .ToDictionary(p => p.Key, p => p.Value);

    private static JsonObject TrackOf(JsonObject file, string memberId) =>
        file["tracks"]!.AsArray().Single(t => t!["memberId"]!.ToString() == memberId)!.AsObject();

    [Fact]
    public async Task Two_children_fly_home_together_with_their_aunt_after_an_overdue_reply_and_a_cancelled_charter()
    {
        var token = system.LongToken;
        var (intake, letters, lawyer) = (system.Intake.Json(token), system.Correspondence.Json(token), system.Reunification.Json(token));
        var coordinator = system.Reunification.Json(system.LongSupervisorToken);

        // 2 April: the case, two children in two Russian cities, the consent to share (ministries and the carrier).
        var caseId = await CaseWithFile(system, token, name: "Gulnara");
        var c = $"/v1/cases/{caseId}";
        foreach (var (memberId, relationship, name, city) in new[] { ("son-1", "son", "Emir", "Moscow"), ("daughter-1", "daughter", "Aisha", "Yekaterinburg") })
        {
            await intake.Post($"{c}/family", At("2020-04-02T09:20:00Z", new { member = new { memberId, relationship, fullName = name,
                birthDate = "2013-09-01", location = new { country = "Russia", city }, caregiver = "a neighbour" } })).Ok();
            await intake.Post($"{c}/family/{memberId}/separation", At("2020-04-02T09:25:00Z", new { location = new { country = "Russia", city },
                caregiver = "a neighbour", separatedSince = "2020-03-16" })).Ok();
        }
        await GiveConsent(system, token, caseId, ["ministry", "carrier"]);
        await Eventually.True(async () => (await lawyer.Find($"{c}/reunification"))?["tracks"]?.AsArray().Count == 2, "a track for each child");

        // 4 May: a letter to an agency that answers in 10 working days: 5 May (Constitution Day), 11 May (Victory Day, moved
        // from Saturday) and the weekends do not count, so the reply is due on 20 May and overdue from midnight in Kara-Suu.
        var agencyId = $"kg-labour-inspectorate-{Random.Shared.Next(99999)}"; // its own agency: the directory outlives a run
        await system.Correspondence.Json(system.LongSupervisorToken).Post("/v1/agencies", new
        {
            requestId = NewRequestId(), agencyId, agency = new
            {
                name = "State Labour Inspectorate of the Kyrgyz Republic", country = "Kyrgyzstan", kind = "ministry", languages = new[] { "ky", "ru" },
                address = "Bishkek", channel = "post", defaultReplyDays = 10, replyDaysAreWorkingDays = true,
            },
        }).Ok();
        var letterId = (await letters.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId, language = "ru", kind = "information-request",
            subject = "О возвращении детей", body = "Просим содействия в возвращении двоих детей.",
        })).Str("letterId");
        await letters.Post($"{c}/letters/{letterId}/sending", new { requestId = NewRequestId(), channel = "post" }).Ok();
        (await letters.Letter(caseId, letterId)).Str("replyDueBy").ShouldBe("2020-05-20");
        system.Clock.SetUtcNow(DateTimeOffset.Parse("2020-05-20T18:00:01Z")); // 00:00:01 on 21 May in Kara-Suu
        await system.Watch.Sweep(CancellationToken.None);
        await Eventually.True(async () => await system.Count(system.Correspondence, "mt_events",
            "stream_id = $1 and type = 'reply_overdue'", Guid.Parse(caseId)) == 1, "the reply overdue on Kara-Suu's day");

        // 25 May: the reply comes late and grants the return; it is weighed on both children's tracks.
        system.Clock.SetUtcNow(DateTimeOffset.Parse("2020-05-25T06:00:00Z"));
        await letters.Post($"{c}/letters/{letterId}/reply", new { requestId = NewRequestId(), decision = "granted",
            summary = "both children may return on a charter with an escort" }).Ok();
        await Eventually.True(async () => (await lawyer.Get($"{c}/reunification").Ok())["tracks"]!.AsArray()
            .All(t => t!["agencyDecisions"]?.AsArray().Count == 1), "the decision on both tracks");

        // June: both tracks prepared; the aunt escorts both children (one escort seat for the two of them).
        foreach (var memberId in Siblings)
        {
            await lawyer.Post($"{c}/reunification/plan", At("2020-06-01T09:00:00Z", new { memberId, plan = "child-travels-to-parent",
                reason = "the agency granted the return with an escort" })).Ok();
            await lawyer.Post($"{c}/reunification/travel-consent", At("2020-06-02T09:00:00Z", new { memberId, givenBy = "Gulnara (mother)" })).Ok();
            await lawyer.Post($"{c}/reunification/documents", At("2020-06-03T09:00:00Z", new { memberId, kind = "travel-document" })).Ok();
            await lawyer.Post($"{c}/reunification/escort", At("2020-06-04T09:00:00Z", new { memberId, escortName = "Nurgul, their aunt" })).Ok();
        }
        var suffix = Random.Shared.Next(9999);
        async Task<string> Charter(string number, string date) => (await coordinator.Post("/v1/flights", At("2020-06-05T09:00:00Z",
            new { number = $"{number}-{suffix}", from = "Moscow", to = "Osh", date, capacity = 150 })).Ok()).Str("flightId");
        var (first, next) = (await Charter("KG-0620", "2020-06-20"), await Charter("KG-0627", "2020-06-27"));
        var booked = await lawyer.Post($"{c}/reunification/seat", At("2020-06-10T09:00:00Z", new { flightId = first, group = Siblings })).Ok();
        (booked.Str("outcome"), booked["group"]!.AsArray().Count).ShouldBe(("seated", 2));

        // 19 June: the first charter is cancelled; both children are rebooked together on the next one.
        await coordinator.Post($"/v1/flights/{first}/cancel", At("2020-06-19T09:00:00Z", new { reason = "no landing permit in Osh" })).Ok();
        var file = await lawyer.Get($"{c}/reunification").Ok();
        Siblings.Select(m => (TrackOf(file, m).Str("stage"), TrackOf(file, m).Str("flightId"))).ShouldBe(
            [("travel-arranged", next), ("travel-arranged", next)]);
        var party = (await coordinator.Get($"/v1/flights/{next}/manifest").Ok())["passengers"]!.AsArray().Single(p => p!["caseId"]!.ToString() == caseId)!;
        party["memberIds"]!.AsArray().Select(m => m!.ToString()).ShouldBe(Siblings);
        ((int)party["seats"]!).ShouldBe(3);

        // 27 June: the flight, the two reunions (103 days apart), the case closed as reunified.
        await coordinator.Post($"/v1/flights/{next}/manifest/issue", At("2020-06-26T09:00:00Z", new { })).Ok();
        var named = (await coordinator.Get($"/v1/flights/{next}/manifest").Ok())["passengers"]!.AsArray()
            .Single(p => p!["caseId"]!.ToString() == caseId)!["name"]!.ToString();
        named.ShouldBe("Emir, Aisha");
        await coordinator.Post($"/v1/flights/{next}/departure", At("2020-06-27T03:00:00Z", new { })).Ok();
        await coordinator.Post($"/v1/flights/{next}/arrival", At("2020-06-27T08:00:00Z", new { })).Ok();
        // The first child's reunion alone does not make the case reunified: its sister is still apart.
        await lawyer.Post($"{c}/reunification/reunion", At("2020-06-27T10:00:00Z", new { memberId = Siblings[0], handedOverTo = "their mother, Gulnara" })).Ok();
        await Eventually.True(async () => (await intake.Get(c).Ok())["reunionReported"]?.GetValue<bool>() == true, "Intake to hear of the first reunion");
        var early = await intake.Post($"{c}/close", At("2020-06-27T10:30:00Z", new { outcome = "reunified", summary = "one child is home" }));
        early.Status.ShouldBe(HttpStatusCode.PreconditionFailed);
        early.Json["message"]!.ToString().ShouldContain($"outcome 'reunified'");
        early.Json["details"]![0]!["violations"]!.AsArray().Select(v => (v!["subject"]!.ToString(), v["description"]!.ToString()))
            .ShouldBe([($"family/{Siblings[1]}", "not reunited yet")]);
        (await system.Count(system.Intake, "mt_events", "stream_id = $1 and type = 'case_closed'", Guid.Parse(caseId))).ShouldBe(0);

        await lawyer.Post($"{c}/reunification/reunion", At("2020-06-27T10:00:00Z", new { memberId = Siblings[1], handedOverTo = "their mother, Gulnara" })).Ok();
        file = await lawyer.Get($"{c}/reunification").Ok();
        Siblings.Select(m => (TrackOf(file, m).Str("stage"), TrackOf(file, m).Str("daysSeparated"))).ShouldBe([("reunited", "103"), ("reunited", "103")]);

        // A refused close appends nothing, so each try is a new request.
        await Eventually.True(async () => (await intake.Post($"{c}/close",
            At("2020-06-27T12:00:00Z", new { outcome = "reunified", summary = "both children are home with their mother" }))).Status == HttpStatusCode.OK,
            "Intake to hear of the second reunion");
        (await intake.Get(c).Ok()).Str("outcome").ShouldBe("reunified");

        // Reunification's news names the child it is about, by member id and as Intake knows them: each has its own
        // seats and its own reunion in the case's timeline.
        JsonArray entries = [];
        string[] Of(string type) => [.. entries.Where(e => e!["type"]!.ToString() == type).Select(e => e!["memberId"]!.ToString()).Distinct().Order()];
        await Eventually.True(async () => (entries = (await intake.Get($"{c}/timeline").Ok())["entries"]!.AsArray()) is not null
            && Of("TravelArrangedNoted").Length == 2, "a seat noted for each child");
        Of("ReunionReported").ShouldBe(["daughter-1", "son-1"]);
        entries.Count(e => e!["type"]!.ToString() == "ReunionReported").ShouldBe(2);
        entries.Select(e => e!["summary"]!.ToString()).ShouldContain("Reunited: daughter-1 (daughter Aisha) after 103 days apart");
        entries.Select(e => e!["summary"]!.ToString()).ShouldContain(s => s.StartsWith("son-1 (son Emir): Seat on flight KG-0627", StringComparison.Ordinal));
    }
}
