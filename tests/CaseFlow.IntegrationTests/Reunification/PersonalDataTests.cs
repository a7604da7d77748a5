using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>What Reunification itself must keep of people (the escort, the guardian) is stored encrypted, and shown opened.</summary>
public sealed class PersonalDataTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Lawyer => system.Reunification.Json(system.Token());
    private JsonApi Coordinator => system.Reunification.Json(system.Token(Caller.Supervisor, null, "coordinator"));
    private static string Id() => Guid.NewGuid().ToString();

    private async Task<string> Flight(string number) => (await Coordinator.Post("/v1/flights", new
    {
        requestId = Id(), number, from = "Moscow", to = "Osh", date = "2020-07-04", capacity = 10, occurredAt = "2020-06-20T09:00:00Z",
    }).Ok()).Str("flightId");

    [Fact]
    public async Task A_manifest_issued_without_consent_gives_the_carrier_the_case_number_only()
    {
        var caseId = Guid.NewGuid();
        await system.OpenFiles(Lawyer, [Separation(caseId)]);
        var flight = await Flight("KG-NC1");
        await Lawyer.Post(File(caseId, "/plan"), new { requestId = Id(), plan = "child-travels-to-parent", reason = "r" }).Ok();
        await Lawyer.Post(File(caseId, "/seat"), new { requestId = Id(), flightId = flight }).Ok();

        await Coordinator.Post($"/v1/flights/{flight}/manifest/issue", new { requestId = Id() }).Ok();

        var manifest = await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok();
        var given = manifest["issuedManifest"]!["travellers"]!.AsArray().ShouldHaveSingleItem()!;
        given["caseId"]!.ToString().ShouldBe(caseId.ToString());
        (given["name"]?.ToString() ?? "").ShouldBeEmpty();
        (given["consentId"]?.ToString() ?? "").ShouldBeEmpty();
        (manifest["passengers"]!.AsArray().ShouldHaveSingleItem()!["name"]?.ToString() ?? "").ShouldBeEmpty();
    }

    /// <summary>Passes once Intake publishes FamilySeparationReported V2 (its helper's part of issue 12).</summary>
    [Fact]
    public async Task A_separation_reported_through_Intake_opens_the_file_shows_the_name_from_Intake_and_reaches_a_seat()
    {
        var intake = system.Intake.Json(system.Token());
        var caseId = (await intake.OpenCase(IntakeCalls.NewCase())).Str("caseId");
        await intake.Post($"/v1/cases/{caseId}/family", new
        {
            requestId = Id(), occurredAt = "2020-04-02T09:40:00Z",
            member = new { memberId = "brother-1", relationship = "brother", fullName = "Brother of Alima", location = new { country = "Russia", city = "Moscow" } },
        }).Ok();
        await intake.Post($"/v1/cases/{caseId}/family/brother-1/separation", new
        {
            requestId = Id(), occurredAt = "2020-04-02T09:45:00Z", location = new { country = "Russia", city = "Moscow" }, separatedSince = "2020-03-16",
        }).Ok();
        await Eventually.True(async () => (await Lawyer.Find($"/v1/cases/{caseId}/reunification"))?["stage"]?.ToString() == "assessing",
            "the file opened by the separation");

        var file = await Lawyer.Get($"/v1/cases/{caseId}/reunification").Ok();
        file["member"]!["name"]!.ToString().ShouldBe("Brother of Alima");
        file["member"]!["city"]!.ToString().ShouldBe("Moscow");
        var flight = await Flight("KG-IN1");
        await Lawyer.Post($"/v1/cases/{caseId}/reunification/plan", new { requestId = Id(), plan = "child-travels-to-parent", reason = "r" }).Ok();
        (await Lawyer.Post($"/v1/cases/{caseId}/reunification/seat", new { requestId = Id(), flightId = flight }).Ok()).Str("outcome").ShouldBe("seated");
    }

    [Fact]
    public async Task The_escort_and_the_guardian_are_not_plain_text_in_the_event_store_but_the_file_shows_them()
    {
        var caseId = Guid.NewGuid();
        var (escort, guardian) = ("Escort" + Guid.NewGuid().ToString("N")[..10], "Guardian" + Guid.NewGuid().ToString("N")[..10]);
        await system.OpenFiles(Lawyer, [Separation(caseId, isMinor: true)]);
        await Lawyer.Post(File(caseId, "/plan"), new { requestId = Guid.NewGuid().ToString(), plan = "child-travels-to-parent", reason = "the mother is in Osh" }).Ok();
        await Lawyer.Post(File(caseId, "/travel-consent"), new { requestId = Guid.NewGuid().ToString(), givenBy = guardian }).Ok();
        await Lawyer.Post(File(caseId, "/escort"), new { requestId = Guid.NewGuid().ToString(), escortName = escort }).Ok();

        foreach (var name in new[] { escort, guardian })
        {
            (await system.Count(system.Reunification, "mt_events", "data::text like $1", $"%{name}%")).ShouldBe(0);
            (await system.Count(system.Reunification, "mt_doc_reunificationfile", "data::text like $1", $"%{name}%")).ShouldBe(0);
        }
        var file = await Lawyer.Get(File(caseId)).Ok();
        file.Str("escort").ShouldBe(escort);
        file.Str("travelConsentGivenBy").ShouldBe(guardian);
        file["travelConsentRecorded"]!.GetValue<bool>().ShouldBeTrue();
    }
}
