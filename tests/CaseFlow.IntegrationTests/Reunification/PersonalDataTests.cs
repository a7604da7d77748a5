using CaseFlow.IntegrationTests.Harness;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>What Reunification itself must keep of people (the escort, the guardian) is stored encrypted, and shown opened.</summary>
public sealed class PersonalDataTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Lawyer => system.Reunification.Json(system.Token());

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
