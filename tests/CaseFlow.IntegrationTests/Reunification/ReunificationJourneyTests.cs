using System.Net;
using CaseFlow.Contracts.Correspondence.V1;
using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using V1 = CaseFlow.Contracts.Reunification.V1;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>The defining story through the public API, with its real dates; and how commands refuse and repeat.</summary>
public sealed class ReunificationJourneyTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Lawyer => system.Reunification.Json(system.Token());
    private JsonApi Coordinator => system.Reunification.Json(system.Token(Caller.Supervisor, null, "coordinator"));

    private static object At(string time, object body) => body.GetType().GetProperties()
        .ToDictionary(p => p.Name, p => p.GetValue(body)).Append(new("occurredAt", time)).Append(new("requestId", Guid.NewGuid().ToString()))
        .ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Alimas_son_flies_home_on_the_4_July_charter_and_is_reunited_after_110_days()
    {
        await using var published = await PublishedMessages.Listen(system.BrokerUri);
        var lawyer = Lawyer;
        // Intake is the home of the son's name, which the manifest shows once a consent covers the carrier.
        var intake = system.Intake.Json(system.Token());
        var caseId = Guid.Parse((await intake.OpenCase(IntakeCalls.NewCase(occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId"));
        await intake.Post($"/v1/cases/{caseId}/family", At("2020-04-02T09:40:00Z",
            new { member = new { memberId = "son-1", relationship = "son", fullName = "Son of Alima", location = new { country = "Russia", city = "Moscow" } } })).Ok();
        await system.OpenFiles(lawyer, [Separation(caseId, isMinor: true)]);
        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(new CaseOpened(caseId, "kara-suu", "family-separation", "walk-in", StoryStart.AddDays(17)), _ => { });
            await lawyer.Post(File(caseId, "/plan"), At("2020-04-10T09:00:00Z", new { plan = "parent-travels-to-child", reason = "the mother returns to Moscow" })).Ok();
            await bus.Publish(new AgencyReplied(caseId, "kara-suu", Guid.NewGuid(), "ru-consulate", "Consulate of the Russian Federation",
                "refused", "no legal ground for the mother's entry", DateTimeOffset.Parse("2020-05-05T10:00:00Z")), _ => { });
            await Eventually.True(async () => (await lawyer.Get(File(caseId)).Ok())["agencyDecisions"]?.AsArray().Count == 1, "the refusal");
            await lawyer.Post(File(caseId, "/plan"),
                At("2020-05-12T09:00:00Z", new { plan = "child-travels-to-parent", reason = "consulate: no legal ground for the mother's entry" })).Ok();
            await bus.Publish(new VulnerabilityRaised(caseId, "kara-suu", "v-1", "caregiver-incapacitated", "son-1",
                "the sister broke both legs", "urgent", DateTimeOffset.Parse("2020-05-28T09:00:00Z")), _ => { });
        }
        await Eventually.True(async () => (await lawyer.Get(File(caseId)).Ok())["priority"]?.ToString() == "urgent", "the escalation");

        var flight = (await Coordinator.Post("/v1/flights", At("2020-06-20T09:00:00Z",
            new { number = "KG-0704", from = "Moscow", to = "Osh", date = "2020-07-04", capacity = 150 })).Ok()).Str("flightId");
        var (refused, why) = await lawyer.Post(File(caseId, "/seat"), At("2020-06-28T09:00:00Z", new { flightId = flight }));
        refused.ShouldBe(HttpStatusCode.PreconditionFailed);
        why.ToString().ShouldContain("consent");

        await lawyer.Post(File(caseId, "/consent"), At("2020-06-18T09:00:00Z", new { givenBy = "Alima (mother)" })).Ok();
        await lawyer.Post(File(caseId, "/documents"), At("2020-06-25T09:00:00Z", new { kind = "travel-document" })).Ok();
        await lawyer.Post(File(caseId, "/escort"), At("2020-06-26T09:00:00Z", new { escortName = "a returning migrant from Kara-Suu" })).Ok();
        (await lawyer.Post(File(caseId, "/seat"), At("2020-06-28T09:00:00Z", new { flightId = flight })).Ok()).Str("outcome").ShouldBe("seated");
        (await lawyer.Post(File(caseId, "/reunion"), At("2020-06-29T09:00:00Z", new { handedOverTo = "mother" }))).Status
            .ShouldBe(HttpStatusCode.PreconditionFailed);

        // The consent step before the first disclosure: the manifest given to the carrier names the son.
        await intake.Post($"/v1/cases/{caseId}/consents", At("2020-06-27T09:00:00Z",
            new { agencyKinds = new[] { "carrier" }, purpose = "return of the child" })).Ok();
        await Eventually.True(async () =>
        {
            await Coordinator.Post($"/v1/flights/{flight}/manifest/issue", At("2020-07-03T09:00:00Z", new { })).Ok();
            return (await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok())["passengers"]!.AsArray()
                .Any(p => p!["name"]?.ToString() == "Son of Alima");
        }, "the manifest to name the son under the consent");

        await Coordinator.Post($"/v1/flights/{flight}/departure", At("2020-07-04T03:00:00Z", new { })).Ok();
        await Coordinator.Post($"/v1/flights/{flight}/arrival", At("2020-07-04T08:00:00Z", new { })).Ok();
        await lawyer.Post(File(caseId, "/reunion"), At("2020-07-04T10:00:00Z", new { handedOverTo = "mother, Alima" })).Ok();

        var file = await lawyer.Get(File(caseId)).Ok();
        file.Str("stage").ShouldBe("reunited");
        file.Str("daysSeparated").ShouldBe("110");
        var manifest = await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok();
        manifest["passengers"]!.AsArray().Select(p => p!["name"]!.ToString()).ShouldContain("Son of Alima");

        await Eventually.True(async () => (await Coordinator.Get("/v1/reunification/statistics?centerId=kara-suu").Ok())["completed"]?
            .AsArray().Any(m => m!["month"]!.ToString() == "2020-07" && m["totalDaysSeparated"]!.ToString() == "110") == true,
            "the dashboard to count the reunion");
        // The same figures as of a pinned time, by a dashboard (numbers only: this class's other tests add their own files).
        var figures = await system.Reunification.Json(system.Token(role: "dashboard", center: null, user: "manager"))
            .Get("/v1/reunification/statistics?centerId=kara-suu&asOf=2020-12-31T00:00:00Z").Ok();
        figures["reunionsPerMonth"]!["counts"]!.AsArray().ShouldContain(c => c!["value"]!.ToString() == "2020-07");
        long.Parse(figures["separatedChildrenReunified"]!["count"]!.ToString()).ShouldBeGreaterThanOrEqualTo(1);
        figures["daysSeparated"]!["counts"]!.AsArray().ShouldContain(c => c!["value"]!.ToString() == "91-180");
        long.Parse(figures["flights"]!["seatsFilled"]!.ToString()).ShouldBeGreaterThanOrEqualTo(1);
        figures.ToJsonString().ShouldNotContain("Son of Alima");
        await Eventually.True(() => Task.FromResult(published.Of<V1.ReunificationCompleted>().Any(m => m.CaseId == caseId && m.DaysSeparated == 110)),
            "ReunificationCompleted on the broker");
        published.Of<V1.ReunificationPlanChanged>().Count(m => m.CaseId == caseId).ShouldBe(2);
        published.Of<V1.TravelArranged>().Single(m => m.CaseId == caseId).FlightDate.ShouldBe(DateOnly.Parse("2020-07-04"));
    }

    public static TheoryData<string, string, object> BadCommands => new()
    {
        { "/plan", "plan", new { requestId = "bad-1", plan = "teleport", reason = "why not" } },
        { "/plan", "reason", new { requestId = "bad-2", plan = "other", reason = " " } },
        { "/documents", "kind", new { requestId = "bad-3", kind = "library-card" } },
        { "/consent", "givenBy", new { requestId = "bad-4" } },
        { "/escort", "escortName", new { requestId = "bad-5", escortName = "" } },
        { "/seat", "flightId", new { requestId = "bad-6", flightId = "not-a-flight" } },
        { "/seat", "flightId", new { requestId = "bad-7" } },
        { "/reunion", "handedOverTo", new { requestId = "bad-8" } },
        { "/failure", "reason", new { requestId = "bad-9" } },
        { "/plan", "occurredAt", new { requestId = "bad-10", plan = "other", reason = "r", occurredAt = "2999-01-01T00:00:00Z" } },
        { "/plan", "expectedVersion", new { requestId = "bad-11", plan = "other", reason = "r", expectedVersion = 0 } },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task Bad_input_on_a_command_is_a_400_naming_the_field_and_appends_nothing(string path, string field, object body)
    {
        var caseId = Guid.NewGuid();
        await system.OpenFiles(Lawyer, [Separation(caseId)]);
        var before = await system.Count(system.Reunification, "mt_events");

        var (status, json) = await Lawyer.Post(File(caseId, path), body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        json.ToString().ShouldContain(field);
        (await system.Count(system.Reunification, "mt_events")).ShouldBe(before);
    }

    [Fact]
    public async Task A_retried_command_appends_nothing_and_a_stale_version_is_a_409()
    {
        var caseId = Guid.NewGuid();
        await system.OpenFiles(Lawyer, [Separation(caseId)]);
        var body = new { requestId = Guid.NewGuid().ToString(), plan = "other", reason = "a relative will fetch him" };
        var first = await Lawyer.Post(File(caseId, "/plan"), body).Ok();
        var retry = await Lawyer.Post(File(caseId, "/plan"), body).Ok();
        retry.Str("version").ShouldBe(first.Str("version"));
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1", caseId)).ShouldBe(long.Parse(first.Str("version")));

        var (status, _) = await Lawyer.Post(File(caseId, "/documents"),
            new { requestId = Guid.NewGuid().ToString(), kind = "birth-certificate", expectedVersion = long.Parse(first.Str("version")) - 1 });
        status.ShouldBe(HttpStatusCode.Conflict);
        (await Lawyer.Get(File(caseId)).Ok()).Str("version").ShouldBe(first.Str("version"));
    }

    [Fact]
    public async Task A_separation_delivered_twice_opens_the_reunification_once()
    {
        var caseId = Guid.NewGuid();
        var (first, resent) = (Guid.NewGuid(), Guid.NewGuid());
        await system.OpenFiles(Lawyer, [Separation(Guid.NewGuid())]); // the queue is bound: nothing published below is lost
        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(Separation(caseId), c => c.MessageId = first);
            await Processed(first);
            await bus.Publish(Separation(caseId), c => c.MessageId = first);
            await bus.Publish(Separation(caseId), c => c.MessageId = resent); // the same fact, re-sent under a new id
            await Processed(resent);
        }

        (await system.Count(system.Reunification, "mt_events", "stream_id = $1", caseId)).ShouldBe(1);
        (await Lawyer.Get(File(caseId)).Ok()).Str("stage").ShouldBe("assessing");
    }

    private Task Processed(Guid messageId) => Eventually.True(async () =>
        await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{messageId}") == 1, $"message {messageId}");
}
