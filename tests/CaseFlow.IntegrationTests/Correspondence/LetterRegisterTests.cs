using System.Net;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using PdfSharp.Pdf.IO;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>The center's letter register: numbers taken once per committed send, gap-free, listed across cases, printed.</summary>
public sealed class LetterRegisterTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    // Business times in the past: the letters are drafted in April 2020 and sent in the year each test numbers.
    private const string DraftedAt = "2020-04-10T05:00:00Z";

    private async Task<(string CaseId, string LetterId)> DraftedLetter(string token, string kind = "information-request")
    {
        var caseId = await CaseWithFile(system, token);
        await GiveConsent(system, token, caseId);
        var letterId = (await system.Correspondence.Json(token).Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-consulate-osh", language = "ru", kind, subject = "О въезде Алимы", body = "Просим сообщить.",
            occurredAt = DraftedAt,
        })).Str("letterId");
        return (caseId, letterId);
    }

    private Task<JsonAnswer> Send(string token, string caseId, string letterId, string occurredAt, string? requestId = null) =>
        system.Correspondence.Json(token).Post($"/v1/cases/{caseId}/letters/{letterId}/sending",
            new { requestId = requestId ?? NewRequestId(), channel = "hand-delivery", occurredAt });

    private static int Sequence(string number) => int.Parse(number[(number.LastIndexOf('/') + 1)..].Replace("IN-", ""));

    [Fact]
    public async Task Fifty_concurrent_sends_in_one_center_and_year_get_fifty_distinct_consecutive_numbers()
    {
        var token = system.Token();
        var letters = new List<(string CaseId, string LetterId)>();
        foreach (var chunk in Enumerable.Range(0, 50).Chunk(10))
            letters.AddRange(await Task.WhenAll(chunk.Select(_ => DraftedLetter(token))));

        var answers = await Task.WhenAll(letters.Select(l => Send(token, l.CaseId, l.LetterId, "2021-03-01T05:00:00Z").Ok()));

        var numbers = answers.Select(a => a.Str("registerNumber")).ToList();
        numbers.ShouldAllBe(n => n.StartsWith("KS-2021/"));
        numbers.Select(Sequence).Order().ShouldBe(Enumerable.Range(1, 50));
        var listed = await system.Correspondence.Json(token).Get("/v1/register?year=2021&direction=outgoing&pageSize=20").Ok();
        listed["entries"]!.AsArray().Select(e => e!["registerNumber"]!.ToString()).ShouldBe(numbers.Order().Take(20));
        listed.Str("nextPageToken").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_refused_send_takes_no_number_and_a_retried_send_keeps_its_own()
    {
        var token = system.Token();
        var first = await DraftedLetter(token);
        var requestId = NewRequestId();
        var number = (await Send(token, first.CaseId, first.LetterId, "2022-02-01T05:00:00Z", requestId).Ok()).Str("registerNumber");
        number.ShouldStartWith("KS-2022/");

        var unapproved = await DraftedLetter(token, kind: "official-application");
        (await Send(token, unapproved.CaseId, unapproved.LetterId, "2022-02-01T06:00:00Z")).Status.ShouldBe(HttpStatusCode.PreconditionFailed);

        (await Send(token, first.CaseId, first.LetterId, "2022-02-01T05:00:00Z", requestId).Ok()).Str("registerNumber").ShouldBe(number);
        (await Send(token, first.CaseId, first.LetterId, "2022-02-01T05:00:00Z").Ok()).Str("registerNumber").ShouldBe(number);
        (await system.Correspondence.Json(token).Letter(first.CaseId, first.LetterId)).Str("registerNumber").ShouldBe(number);

        var next = await DraftedLetter(token);
        var nextNumber = (await Send(token, next.CaseId, next.LetterId, "2022-02-02T05:00:00Z").Ok()).Str("registerNumber");
        Sequence(nextNumber).ShouldBe(Sequence(number) + 1);
    }

    [Fact]
    public async Task Incoming_mail_takes_its_own_number_and_the_register_shows_it_as_each_role_may_see_it()
    {
        var token = system.Token();
        var caseId = await CaseWithFile(system, token);
        var mail = await system.Correspondence.Json(token).Post($"/v1/cases/{caseId}/incoming-mail", new
        {
            requestId = NewRequestId(), agencyId = "kg-migration-service", theirReference = "SMS-118", summary = "Справка о регистрации Алимы",
            occurredAt = "2023-05-04T05:00:00Z",
        }).Ok();
        mail.Str("registerNumber").ShouldBe("KS-2023/IN-0001");

        var mine = await system.Correspondence.Json(token).Get("/v1/register?year=2023&direction=incoming").Ok();
        var entry = mine["entries"]!.AsArray().Single()!;
        entry["correspondent"]!.ToString().ShouldBe("State Migration Service of the Kyrgyz Republic");
        entry["subject"]!.ToString().ShouldBe("Справка о регистрации Алимы");

        var dashboard = await system.Correspondence.Json(system.Token(Caller.Dashboard, center: null, user: "board")).Get("/v1/register?year=2023").Ok();
        var seen = dashboard["entries"]!.AsArray().Single()!;
        seen["registerNumber"]!.ToString().ShouldBe("KS-2023/IN-0001");
        seen["subject"]?.ToString().ShouldBeNullOrEmpty();

        var batken = system.Correspondence.Json(system.Token(center: "batken", user: "lawyer-batken"));
        (await batken.Get("/v1/register?year=2023").Ok())["entries"]?.AsArray().ShouldBeEmpty();
        (await batken.Get("/v1/register?centerId=kara-suu")).Status.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await system.Correspondence.Json(token).Post($"/v1/cases/{caseId}/incoming-mail",
            new { requestId = NewRequestId(), summary = "no sender" });
        refused.ViolatedFields.ShouldContain("sender");
    }

    [Fact]
    public async Task A_printed_letter_is_a_PDF_that_opens_and_carries_its_register_number()
    {
        var token = system.Token();
        var (caseId, letterId) = await DraftedLetter(token);
        var number = (await Send(token, caseId, letterId, "2024-06-03T05:00:00Z").Ok()).Str("registerNumber");

        var printed = await system.Correspondence.Json(token).Get($"/v1/cases/{caseId}/letters/{letterId}/pdf").Ok();
        printed.Str("registerNumber").ShouldBe(number);
        var bytes = Convert.FromBase64String(printed.Str("pdf"));
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBeGreaterThan(0);
        document.Info.Subject.ShouldBe(number);

        var batken = system.Correspondence.Json(system.Token(center: "batken", user: "lawyer-batken"));
        (await batken.Get($"/v1/cases/{caseId}/letters/{letterId}/pdf")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var dashboard = system.Correspondence.Json(system.Token(Caller.Dashboard, center: null, user: "board"));
        (await dashboard.Get($"/v1/cases/{caseId}/letters/{letterId}/pdf")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
