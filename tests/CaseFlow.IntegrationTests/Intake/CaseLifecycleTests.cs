using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Contracts.Reunification.V1;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Intake;

/// <summary>Every Intake command through the public JSON API, on the Kara-Suu story's dates.</summary>
public sealed class CaseLifecycleTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Intake => system.Intake.Json(system.Token());

    private async Task<string> NewCase(string name = "Alima Toktosunova") =>
        (await Intake.OpenCase(IntakeCalls.NewCase(name: name, occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId");

    private static object Command(object fields) => fields;

    [Fact]
    public async Task The_whole_case_is_recorded_and_read_back()
    {
        var caseId = await NewCase();
        var intake = Intake;

        var registered = await intake.Post($"/v1/cases/{caseId}/applicant", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:30:00Z",
            applicant = new
            {
                fullName = "Alima Toktosunova", birthDate = "1988-03-01", sex = "female", citizenship = "Kyrgyzstan",
                phone = "+996555000000", documents = new[] { new { kind = "passport", number = "AN1234567" } },
                currentLocation = new { country = "Kyrgyzstan", city = "Kara-Suu" }, locationAbroad = new { country = "Russia", city = "Moscow" },
                migrationStatus = "registration-expired",
            },
        }).Ok();
        registered.Str("version").ShouldBe("2");

        await intake.Put($"/v1/cases/{caseId}/applicant", new
        {
            requestId = Guid.NewGuid().ToString(), reason = "new phone number",
            applicant = new { fullName = "Alima Toktosunova", birthDate = "1988-03-01", sex = "female", phone = "+996777000000" },
        }).Ok();
        await intake.Post($"/v1/cases/{caseId}/family", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:40:00Z",
            member = new { memberId = "son-1", relationship = "son", fullName = "Aibek", birthDate = "2018-01-10", location = new { country = "Russia", city = "Moscow" }, caregiver = "Alima's sister" },
        }).Ok();
        await intake.Put($"/v1/cases/{caseId}/family/son-1", new
        {
            requestId = Guid.NewGuid().ToString(),
            member = new { memberId = "son-1", relationship = "son", fullName = "Aibek T.", birthDate = "2018-01-10", location = new { country = "Russia", city = "Moscow" }, caregiver = "Alima's sister" },
        }).Ok();
        await intake.Post($"/v1/cases/{caseId}/family/son-1/separation", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:45:00Z",
            location = new { country = "Russia", city = "Moscow" }, caregiver = "Alima's sister", separatedSince = "2020-03-16",
        }).Ok();
        await intake.Post($"/v1/cases/{caseId}/consultations", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T10:00:00Z",
            topic = "return of the child", advice = "write to the consulate and the embassy", durationMinutes = 40,
        }).Ok();
        var injury = await intake.Post($"/v1/cases/{caseId}/vulnerabilities", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-05-28T12:00:00Z",
            kind = "caregiver-incapacitated", memberId = "son-1", note = "the sister broke both legs",
        }).Ok();
        injury.Str("priority").ShouldBe("urgent");
        await intake.Post($"/v1/cases/{caseId}/assignment", new { requestId = Guid.NewGuid().ToString(), @operator = "lawyer-aigul" }).Ok();
        await intake.Post($"/v1/cases/{caseId}/consents", new
        {
            requestId = Guid.NewGuid().ToString(), agencyKinds = new[] { "service-provider" }, purpose = "return of the child",
        }).Ok();
        await intake.Post($"/v1/cases/{caseId}/referrals", new
        {
            requestId = Guid.NewGuid().ToString(), referredTo = "MFA of the Kyrgyz Republic", reason = "return of the child", consentGiven = true,
        }).Ok();
        await intake.Post($"/v1/cases/{caseId}/vulnerabilities/{injury.Str("vulnerabilityId")}/clear", new
        {
            requestId = Guid.NewGuid().ToString(), note = "another relative took over",
        }).Ok();

        var details = await intake.Get($"/v1/cases/{caseId}").Ok();
        details.Str("centerName").ShouldContain("Kara-Suu");
        details["applicant"]!["phone"]!.ToString().ShouldBe("+996777000000");
        details["family"]!.AsArray().ShouldHaveSingleItem()!["separated"]!.GetValue<bool>().ShouldBeTrue();
        details.Str("priority").ShouldBe("normal"); // the injury cleared; no other vulnerability is open
        details.Str("assignedOperator").ShouldBe("lawyer-aigul");
        details.Str("consultationCount").ShouldBe("1");
        details.Str("version").ShouldBe("12");
    }

    [Fact]
    public async Task A_case_closes_as_reunified_only_after_reunification_reported_it_and_can_be_reopened()
    {
        var caseId = await NewCase("Reunited Mother");
        var close = new { requestId = Guid.NewGuid().ToString(), occurredAt = "2020-07-04T18:00:00Z", outcome = "reunified", summary = "the son is home" };

        (await Intake.Post($"/v1/cases/{caseId}/close", close)).Status.ShouldBe(HttpStatusCode.PreconditionFailed);

        await using (var bus = await TestBus.Start(system.BrokerUri))
            await bus.Publish(new ReunificationCompleted(Guid.Parse(caseId), "kara-suu", "son-1", "Alima", new DateOnly(2020, 3, 16), 110,
                DateTimeOffset.Parse("2020-07-04T16:00:00Z")), _ => { });
        await Eventually.True(async () => (await Intake.Get($"/v1/cases/{caseId}")).Json["reunionReported"]?.GetValue<bool>() == true,
            "Intake to hear of the reunion");

        await Intake.Post($"/v1/cases/{caseId}/close", close with { requestId = Guid.NewGuid().ToString() }).Ok();
        (await Intake.Post($"/v1/cases/{caseId}/consultations", new { requestId = Guid.NewGuid().ToString(), topic = "t", advice = "a", durationMinutes = 5 }))
            .Status.ShouldBe(HttpStatusCode.PreconditionFailed);
        await Intake.Post($"/v1/cases/{caseId}/reopen", new { requestId = Guid.NewGuid().ToString(), reason = "documents for the school" }).Ok();

        var timeline = (await Intake.Get($"/v1/cases/{caseId}/timeline").Ok())["entries"]!.AsArray();
        timeline.Select(e => e!["type"]!.ToString()).ShouldBe(["CaseOpened", "ReunionReported", "CaseClosed", "CaseReopened"]);
        timeline[1]!["source"]!.ToString().ShouldBe("reunification");
    }

    [Fact]
    public async Task A_transferred_case_belongs_to_the_other_center()
    {
        var caseId = await NewCase("Moving Applicant");
        await Intake.Post($"/v1/cases/{caseId}/transfer", new { requestId = Guid.NewGuid().ToString(), toCenterId = "osh", reason = "moved to Osh" }).Ok();

        (await Intake.Get($"/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var osh = system.Intake.Json(system.Token(center: "osh"));
        (await osh.Get($"/v1/cases/{caseId}").Ok()).Str("centerId").ShouldBe("osh");
        await osh.Post($"/v1/cases/{caseId}/assignment", new { requestId = Guid.NewGuid().ToString(), @operator = "lawyer-osh" }).Ok();
    }

    [Fact]
    public async Task Registering_an_applicant_shows_possible_duplicates_without_blocking()
    {
        var applicant = new { fullName = "Gulnara  Sadykova", birthDate = "1990-07-07", sex = "female" };
        var first = await NewCase("Gulnara Sadykova");
        await Intake.Post($"/v1/cases/{first}/applicant", new { requestId = Guid.NewGuid().ToString(), applicant }).Ok();
        var second = await NewCase("Gulnara Sadykova");

        var answer = await Intake.Post($"/v1/cases/{second}/applicant", new
        {
            requestId = Guid.NewGuid().ToString(), applicant = applicant with { fullName = "gulnara sadykova" },
        }).Ok();

        answer["possibleDuplicates"]!.AsArray().ShouldHaveSingleItem()!["caseId"]!.ToString().ShouldBe(first);
    }

    [Fact]
    public async Task Two_operators_writing_at_the_same_version_one_wins_the_other_gets_409_and_nothing_is_lost()
    {
        var caseId = await NewCase("Contested Case");
        var consult = (string topic) => new { requestId = Guid.NewGuid().ToString(), expectedVersion = 1, topic, advice = "advice", durationMinutes = 10 };

        var answers = await Task.WhenAll(
            system.Intake.Json(system.Token(user: "lawyer-a")).Post($"/v1/cases/{caseId}/consultations", consult("first")),
            system.Intake.Json(system.Token(user: "lawyer-b")).Post($"/v1/cases/{caseId}/consultations", consult("second")));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.Status == HttpStatusCode.Conflict).ShouldBe(1);
        (await Intake.Get($"/v1/cases/{caseId}")).Json.Str("version").ShouldBe("2");

        var retried = await Intake.Post($"/v1/cases/{caseId}/consultations", consult("second") with { });
        retried.Status.ShouldBe(HttpStatusCode.Conflict); // still version 1: the loser must read again
        (await Intake.Post($"/v1/cases/{caseId}/consultations", new { requestId = Guid.NewGuid().ToString(), expectedVersion = 2, topic = "second", advice = "a", durationMinutes = 10 })
            .Ok()).Str("version").ShouldBe("3");
    }

    [Fact]
    public async Task A_retried_command_appends_nothing_twice()
    {
        var caseId = await NewCase("Retried Consultation");
        var body = new { requestId = Guid.NewGuid().ToString(), topic = "t", advice = "a", durationMinutes = 10 };

        var first = await Intake.Post($"/v1/cases/{caseId}/consultations", body).Ok();
        var again = await Intake.Post($"/v1/cases/{caseId}/consultations", body).Ok();

        again.Str("version").ShouldBe(first.Str("version"));
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid", caseId)).ShouldBe(2);
    }

    [Fact]
    public async Task A_command_without_expected_version_is_not_refused_because_news_from_other_services_arrived_meanwhile()
    {
        var caseId = await NewCase("Busy Case");
        var news = Task.Run(async () =>
        {
            await using var bus = await TestBus.Start(system.BrokerUri);
            for (var i = 0; i < 40; i++)
                await bus.Publish(new TravelArranged(Guid.Parse(caseId), "kara-suu", Guid.NewGuid(), $"KG-{i}", "Moscow", "Osh",
                    new DateOnly(2020, 7, 4), DateTimeOffset.Parse("2020-07-01T10:00:00Z")), _ => { });
        });

        for (var i = 0; i < 15; i++)
            await Intake.Post($"/v1/cases/{caseId}/consultations", new { requestId = Guid.NewGuid().ToString(), topic = $"t{i}", advice = "a", durationMinutes = 5 }).Ok();
        await news;

        await Eventually.True(async () => await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid and type = 'travel_arranged_noted'", caseId) == 40,
            "the news to be noted");
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid and type = 'consultation_held'", caseId)).ShouldBe(15);
        (await Auditor().Get($"/v1/cases/{caseId}/verify").Ok())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    private JsonApi Auditor() => system.Intake.Json(system.Token(role: "auditor", center: null, user: "auditor"));

    [Fact]
    public async Task A_retried_vulnerability_names_the_same_vulnerability_and_appends_it_once()
    {
        var caseId = await NewCase("Retried Vulnerability");
        var body = new { requestId = Guid.NewGuid().ToString(), kind = "medical-need", note = "insulin" };

        var first = await Intake.Post($"/v1/cases/{caseId}/vulnerabilities", body).Ok();
        var again = await Intake.Post($"/v1/cases/{caseId}/vulnerabilities", body).Ok();

        again.ToJsonString().ShouldBe(first.ToJsonString());
        first.Str("vulnerabilityId").ShouldBe("v1");
        first.Str("priority").ShouldBe("high");
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid", caseId)).ShouldBe(2);
    }

    [Fact]
    public async Task News_from_another_service_delivered_twice_is_noted_once()
    {
        var caseId = await NewCase("Redelivered News");
        var messageId = Guid.NewGuid();
        var arranged = new TravelArranged(Guid.Parse(caseId), "kara-suu", Guid.NewGuid(), "KG-0704", "Moscow", "Osh",
            new DateOnly(2020, 7, 4), DateTimeOffset.Parse("2020-07-01T10:00:00Z"));

        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(arranged, c => c.MessageId = messageId);
            await Eventually.True(async () => await system.Count(system.Intake, "mt_doc_processedmessage", "id like $1", $"%/{messageId}") == 1,
                "the first delivery");
            await bus.Publish(arranged, c => c.MessageId = messageId);
            await bus.Publish(new ReunificationFailed(Guid.Parse(caseId), "kara-suu", "marker", DateTimeOffset.Parse("2020-07-02T10:00:00Z")), _ => { });
        }

        // The marker was queued behind the repeat on the same endpoint: once it is noted, the repeat has been delivered.
        await Eventually.True(async () => await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid and type = 'reunification_failure_noted'", caseId) == 1,
            "the marker");
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid and type = 'travel_arranged_noted'", caseId)).ShouldBe(1);
    }
}
