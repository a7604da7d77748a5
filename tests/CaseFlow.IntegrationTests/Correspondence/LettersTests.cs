using System.Collections.Concurrent;
using System.Net;
using CaseFlow.Contracts.Correspondence.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using MassTransit;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>Letters through the public API: templates with the case's data from Intake, approval, replies, and the rules' errors.</summary>
[Collection(CorrespondenceSystemCollection.Name)]
public sealed class LettersTests(CaseFlowSystem system)
{
    private string Operator => system.Token();
    private string Supervisor => system.Token(Caller.Supervisor, center: null, user: "coordinator-dina");

    private Task<long> EventsOf(string caseId) => system.Count(system.Correspondence, "mt_events", "stream_id = $1", Guid.Parse(caseId));

    [Theory]
    [InlineData("ru", "О возможности въезда в Российскую Федерацию заявителя Alima Toktosunova", "02.04.2020")]
    [InlineData("ky", "Alima Toktosunova аттуу арыз ээсинин Россия Федерациясына кирүү мүмкүнчүлүгү жөнүндө", "02.04.2020")]
    [InlineData("en", "Entry to the Russian Federation for Alima Toktosunova", "2 April 2020")]
    public async Task A_letter_drafted_from_a_template_is_rendered_in_its_language_with_the_cases_data(
        string language, string subject, string openedOn)
    {
        var client = system.Correspondence.Json(Operator);
        var caseId = await CaseWithFile(system, Operator);

        var drafted = await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-consulate-osh", language, templateId = "entry-inquiry",
        });

        var letter = await client.Letter(caseId, drafted.Str("letterId"));
        letter.Str("subject").ShouldBe(subject);
        letter.Str("kind").ShouldBe("information-request");
        letter.Str("status").ShouldBe("draft");
        letter.Str("body").ShouldStartWith("Consulate General of the Russian Federation in Osh");
        letter.Str("body").ShouldContain(openedOn);
        letter.Str("body").ShouldContain("lawyer-aigul");
        letter.Str("body").ShouldNotContain("{{");
    }

    [Fact]
    public async Task A_template_needing_a_value_the_case_lacks_and_text_with_an_unknown_placeholder_are_refused_naming_them()
    {
        var client = system.Correspondence.Json(Operator);
        var caseId = await CaseWithFile(system, Operator);
        var before = await EventsOf(caseId);

        var (status, error) = await client.Post($"/v1/cases/{caseId}/letters", new
        {
            requestId = NewRequestId(), agencyId = "kg-mfa", language = "ru", templateId = "child-return-application",
        });
        status.ShouldBe(HttpStatusCode.PreconditionFailed);
        error.ToString().ShouldContain("family_member.name");

        (status, error) = await client.Post($"/v1/cases/{caseId}/letters", new
        {
            requestId = NewRequestId(), agencyId = "kg-mfa", language = "en", kind = "appeal", subject = "Appeal",
            body = "Dear {{ agency.name }}, about {{ applicant.shoe_size }}",
        });
        status.ShouldBe(HttpStatusCode.BadRequest);
        error.ToString().ShouldContain("applicant.shoe_size");
        error.ToString().ShouldContain("body");
        (await EventsOf(caseId)).ShouldBe(before);
    }

    [Fact]
    public async Task An_official_application_goes_out_only_once_approved_and_the_agencys_reply_is_published_as_AgencyReplied()
    {
        var published = new ConcurrentBag<AgencyReplied>();
        // Intake's and Reunification's own consumers of AgencyReplied are being written alongside this service;
        // until then this queue stands in for them on the same exchange.
        await using var listener = await TestBus.Start(system.BrokerUri, rabbit => rabbit.ReceiveEndpoint($"test-agency-replied-{system.Id}",
            endpoint => endpoint.Handler<AgencyReplied>(context => { published.Add(context.Message); return Task.CompletedTask; })));
        var client = system.Correspondence.Json(Operator);
        var caseId = await CaseWithFile(system, Operator);
        await GiveConsent(system, Operator, caseId);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "kg-mfa", language = "ru", kind = "official-application",
            subject = "О возвращении ребёнка", body = "Просим включить ребёнка в список пассажиров чартерного рейса.",
            occurredAt = "2020-06-17T09:00:00Z",
        })).Str("letterId");
        var letterPath = $"/v1/cases/{caseId}/letters/{letterId}";

        (await client.Post($"{letterPath}/sending", new { requestId = NewRequestId(), channel = "post" }))
            .Status.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await client.Post($"{letterPath}/approval", new { requestId = NewRequestId() }))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        await system.Correspondence.Json(Supervisor).Post($"{letterPath}/approval", new { requestId = NewRequestId() }).Ok();
        await client.Post($"{letterPath}/sending",
            new { requestId = NewRequestId(), channel = "post", outgoingReference = "SW-118", occurredAt = "2020-06-18T08:00:00Z" }).Ok();
        var sent = await client.Letter(caseId, letterId);
        sent.Str("replyDueBy").ShouldBe("2020-06-28"); // the MFA's usual ten days
        await client.Post($"{letterPath}/reply", new
        {
            requestId = NewRequestId(), decision = "granted", incomingReference = "MFA-2020/771",
            summary = "The son may fly on the charter flight of 2020-07-04", occurredAt = "2020-06-28T10:00:00Z",
        }).Ok();

        var reply = await Eventually.Get(() => Task.FromResult(published.FirstOrDefault(m => m.LetterId == Guid.Parse(letterId))),
            "AgencyReplied on the broker");
        reply.Decision.ShouldBe("granted");
        reply.AgencyName.ShouldBe("Ministry of Foreign Affairs of the Kyrgyz Republic");
        reply.CenterId.ShouldBe("kara-suu");
        (await client.Letter(caseId, letterId)).Str("status").ShouldBe("replied");
        var times = await Eventually.Get(async () =>
            (await client.Get("/v1/agency-response-times?agencyId=kg-mfa").Ok())["rows"]?.AsArray().FirstOrDefault()?.AsObject(),
            "the MFA's response times");
        times.Str("medianDays").ShouldBe("10");
    }
}
