using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Security;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>Corrections at Intake reach Reunification and Correspondence; Reunification follows every closure and reopening.</summary>
public sealed class CorrectionsAndClosureTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Lawyer => system.Reunification.Json(system.Token());
    private JsonApi Coordinator => system.Reunification.Json(system.Token(Caller.Supervisor, null, "coordinator"));
    private static string Id() => Guid.NewGuid().ToString();

    private async Task<string> Flight(string number, int capacity = 10) => (await Coordinator.Post("/v1/flights", new
    {
        requestId = Id(), number, from = "Moscow", to = "Osh", date = "2020-07-04", capacity, occurredAt = "2020-06-20T09:00:00Z",
    }).Ok()).Str("flightId");

    private Task Processed(params Guid[] messageIds) => Eventually.True(async () =>
    {
        foreach (var id in messageIds)
            if (await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{id}") == 0) return false;
        return true;
    }, "the messages handled");

    [Fact]
    public async Task A_corrected_name_and_location_reach_the_reunification_file_the_manifest_and_an_unsent_letter()
    {
        var token = system.Token();
        var intake = system.Intake.Json(token);
        var caseId = (await intake.OpenCase(IntakeCalls.NewCase())).Str("caseId");
        var member = new { memberId = "brother-1", relationship = "brother", fullName = "Emir Typo", location = new { country = "Russia", city = "Moscow" } };
        await intake.Post($"/v1/cases/{caseId}/family", new { requestId = Id(), occurredAt = "2020-04-02T09:40:00Z", member }).Ok();
        await intake.Post($"/v1/cases/{caseId}/family/brother-1/separation", new
        {
            requestId = Id(), occurredAt = "2020-04-02T09:45:00Z", location = new { country = "Russia", city = "Moscow" }, separatedSince = "2020-03-16",
        }).Ok();
        await Eventually.True(async () => (await Lawyer.Find(File(Guid.Parse(caseId))))?["stage"]?.ToString() == "assessing", "the file");
        await CorrespondenceLetters.CorrespondenceCalls.GiveConsent(system, token, caseId, ["carrier", "consulate"]);
        await Eventually.True(async () => await system.Count(system.Reunification, "mt_events", "stream_id = $1::uuid and type = 'sharing_consent_noted'",
            Guid.Parse(caseId)) > 0, "Reunification to note the consent");
        var letterId = (await system.Correspondence.Json(token).Post($"/v1/cases/{caseId}/letters", new
        {
            requestId = Id(), agencyId = "ru-consulate-osh", language = "ru", kind = "information-request", subject = "Emir Typo", body = "Emir Typo",
        }).Ok()).Str("letterId");
        var flight = await Flight("KG-CR1");
        await Lawyer.Post(File(Guid.Parse(caseId), "/plan"), new { requestId = Id(), plan = "child-travels-to-parent", reason = "r" }).Ok();
        await Lawyer.Post(File(Guid.Parse(caseId), "/seat"), new { requestId = Id(), flightId = flight }).Ok();
        await Coordinator.Post($"/v1/flights/{flight}/manifest/issue", new { requestId = Id() }).Ok();
        (await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok())["passengers"]!.AsArray().ShouldHaveSingleItem()!["name"]!.ToString().ShouldBe("Emir Typo");

        await intake.Put($"/v1/cases/{caseId}/family/brother-1", new
        {
            requestId = Id(), member = member with { fullName = "Emir Toktosunov", location = new { country = "Kazakhstan", city = "Almaty" } },
        }).Ok();

        var manifest = await Eventually.Get(async () =>
        {
            var m = await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok();
            return m["passengers"]![0]!["nameCorrectedSinceIssue"]?.GetValue<bool>() == true ? m : null;
        }, "the manifest to show the corrected name");
        manifest["passengers"]![0]!["name"]!.ToString().ShouldBe("Emir Toktosunov");
        manifest["issuedManifest"]!["travellers"]![0]!["name"]!.ToString().ShouldBe("Emir Typo", "what the carrier got stays as it was");
        var file = await Lawyer.Get(File(Guid.Parse(caseId))).Ok();
        file["member"]!["name"]!.ToString().ShouldBe("Emir Toktosunov");
        file["member"]!["country"]!.ToString().ShouldBe("Kazakhstan");
        file["member"]!["city"]!.ToString().ShouldBe("Almaty");
        await Eventually.True(async () => (await system.Correspondence.Json(token).Get($"/v1/cases/{caseId}/letters/{letterId}").Ok())["correctedSinceDraft"]?
            .AsArray().Any(c => c!.ToString() == "member:brother-1.fullName") == true, "the unsent letter flagged");
        (await system.Count(system.Reunification, "mt_events", "data::text like '%Toktosunov%'")).ShouldBe(0, "no plaintext name in Reunification");
    }

    [Fact]
    public async Task Corrections_out_of_order_apply_by_version_and_a_repeat_changes_nothing()
    {
        var caseId = Guid.NewGuid();
        await system.OpenFiles(Lawyer, [Separation(caseId)]);
        PersonDetailsCorrected Corrected(long version, string country) => new(caseId, "kara-suu", Subjects.Member(caseId, "son-1"), "member:son-1",
            ["location"], version, "son", false, "adult", country, StoryStart.AddDays(20));
        var (newer, older) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(Corrected(7, "Kazakhstan"), c => c.MessageId = newer);
            await bus.Publish(Corrected(7, "Kazakhstan"), c => c.MessageId = newer);
            await Processed(newer);
            await bus.Publish(Corrected(5, "Uzbekistan"), c => c.MessageId = older);
            await Processed(older);
        }

        (await Lawyer.Get(File(caseId)).Ok())["member"]!["country"]!.ToString().ShouldBe("Kazakhstan");
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1 and type = 'person_correction_noted'", caseId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_case_closed_as_unreachable_releases_its_seat_and_reopening_resumes_the_reunification()
    {
        var (held, waiting) = (Guid.NewGuid(), Guid.NewGuid());
        await system.OpenFiles(Lawyer, [Separation(held), Separation(waiting)]);
        var flight = await Flight("KG-UR1", capacity: 1);
        foreach (var caseId in new[] { held, waiting })
        {
            await Lawyer.Post(File(caseId, "/plan"), new { requestId = Id(), plan = "child-travels-to-parent", reason = "r" }).Ok();
            await Lawyer.Post(File(caseId, "/seat"), new { requestId = Id(), flightId = flight }).Ok();
        }
        (await Lawyer.Get(File(waiting)).Ok()).Str("stage").ShouldBe("waitlisted");
        var (closed, reopened, lateClosure) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(new CaseClosed(held, "kara-suu", "unreachable", "", StoryStart.AddDays(60), CaseVersion: 10), c => c.MessageId = closed);
            await Processed(closed);
            (await Lawyer.Get(File(held)).Ok()).Str("stage").ShouldBe("cancelled");
            (await Lawyer.Get(File(waiting)).Ok()).Str("stage").ShouldBe("travel-arranged", "the released seat went to the next in line");

            await bus.Publish(new CaseReopened(held, "kara-suu", "", StoryStart.AddDays(62), CaseVersion: 12), c => c.MessageId = reopened);
            await bus.Publish(new CaseReopened(held, "kara-suu", "", StoryStart.AddDays(62), CaseVersion: 12), c => c.MessageId = reopened);
            await Processed(reopened);
            await bus.Publish(new CaseClosed(held, "kara-suu", "withdrawn", "", StoryStart.AddDays(61), CaseVersion: 11), c => c.MessageId = lateClosure);
            await Processed(lateClosure);
        }

        (await Lawyer.Get(File(held)).Ok()).Str("stage").ShouldBe("planned", "reopened, and the older closure arriving late changes nothing");
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1 and type = 'reunification_resumed'", held)).ShouldBe(1);
    }
}
