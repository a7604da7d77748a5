using System.Net;
using CaseFlow.IntegrationTests.Harness;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>Bad input names its field, a retried request appends nothing, a stale version is a conflict: and nothing changes.</summary>
[Collection(CorrespondenceSystemCollection.Name)]
public sealed class CommandErrorsTests(CaseFlowSystem system)
{
    private Task<long> EventsOf(string caseId) => system.Count(system.Correspondence, "mt_events", "stream_id = $1", Guid.Parse(caseId));

    [Fact]
    public async Task Bad_input_on_every_command_is_a_400_naming_the_field_and_appends_nothing()
    {
        var client = system.Correspondence.Json(system.Token());
        var caseId = await CaseWithFile(system, system.Token());
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-consulate-osh", language = "ru", kind = "appeal", subject = "Жалоба", body = "Текст",
        })).Str("letterId");
        var letter = $"/v1/cases/{caseId}/letters/{letterId}";
        var future = DateTimeOffset.UtcNow.AddDays(3).ToString("O");
        var badCommands = new (string Path, HttpMethod Method, object Body, string Field)[]
        {
            ($"/v1/cases/{caseId}/letters", HttpMethod.Post, new { agencyId = "ru-consulate-osh", language = "fr", kind = "appeal", subject = "s", body = "b" }, "language"),
            ($"/v1/cases/{caseId}/letters", HttpMethod.Post, new { agencyId = "atlantis-embassy", language = "ru", kind = "appeal", subject = "s", body = "b" }, "agencyId"),
            ($"/v1/cases/{caseId}/letters", HttpMethod.Post, new { agencyId = "kg-mfa", language = "ru", templateId = "no-such-template" }, "templateId"),
            (letter, HttpMethod.Put, new { subject = "", body = "b" }, "subject"),
            ($"{letter}/sending", HttpMethod.Post, new { channel = "pigeon" }, "channel"),
            ($"{letter}/sending", HttpMethod.Post, new { channel = "post", replyDueBy = "2020-02-30" }, "replyDueBy"),
            ($"{letter}/sending", HttpMethod.Post, new { channel = "post", replyDueBy = "2000-01-01" }, "replyDueBy"),
            ($"{letter}/reply", HttpMethod.Post, new { decision = "maybe", summary = "s" }, "decision"),
            ($"{letter}/follow-ups", HttpMethod.Post, new { channel = "e-mail", replyDueBy = "soon" }, "replyDueBy"),
            ($"{letter}/withdrawal", HttpMethod.Post, new { reason = " " }, "reason"),
            ($"/v1/cases/{caseId}/letters/not-a-letter/withdrawal", HttpMethod.Post, new { reason = "x" }, "letterId"),
            ($"{letter}/withdrawal", HttpMethod.Post, new { reason = "x", expectedVersion = 0 }, "expectedVersion"),
        };
        var before = await EventsOf(caseId);

        foreach (var (path, method, body, field) in badCommands)
        {
            var (status, error) = await client.Send(method, path, body);
            status.ShouldBe(HttpStatusCode.BadRequest, $"{method} {path} {field}: {error}");
            error.ToString().ShouldContain($"\"{field}\"", customMessage: $"{method} {path}");
        }
        // Approving is for supervisors, and the role is checked before the input: a supervisor's bad approval names its field.
        var supervisor = system.Correspondence.Json(system.Token(ServiceDefaults.Security.Caller.Supervisor, center: null, user: "coordinator-dina"));
        var (approval, approvalError) = await supervisor.Send(HttpMethod.Post, $"{letter}/approval", new { occurredAt = future });
        approval.ShouldBe(HttpStatusCode.BadRequest, approvalError.ToString());
        approvalError.ToString().ShouldContain("\"occurredAt\"");
        (await EventsOf(caseId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_retried_draft_returns_the_first_letter_and_a_stale_expected_version_is_a_409()
    {
        var client = system.Correspondence.Json(system.Token());
        var caseId = await CaseWithFile(system, system.Token());
        var draft = new { requestId = NewRequestId(), agencyId = "ru-embassy-bishkek", language = "en", kind = "appeal", subject = "Appeal", body = "Text" };

        var first = await client.Draft(caseId, draft);
        var retry = await client.Draft(caseId, draft);
        retry.Str("letterId").ShouldBe(first.Str("letterId"));
        retry.Str("version").ShouldBe(first.Str("version"));
        (await EventsOf(caseId)).ShouldBe(2); // opened, drafted once

        var letter = $"/v1/cases/{caseId}/letters/{first.Str("letterId")}";
        var staleVersion = long.Parse(first.Str("version"));
        await client.Put(letter, new { requestId = NewRequestId(), subject = "Appeal", body = "Better text", expectedVersion = staleVersion }).Ok();
        var (status, _) = await client.Put(letter,
            new { requestId = NewRequestId(), subject = "Appeal", body = "Other text", expectedVersion = staleVersion });
        status.ShouldBe(HttpStatusCode.Conflict);
        (await client.Letter(caseId, first.Str("letterId"))).Str("body").ShouldBe("Better text");
    }

    [Fact]
    public async Task Supervisors_keep_the_agency_directory_with_versions_and_the_samples_are_marked()
    {
        var supervisor = system.Correspondence.Json(system.Token(ServiceDefaults.Security.Caller.Supervisor, center: null, user: "coordinator-dina"));
        var agency = new
        {
            name = "Consulate General of Kazakhstan in Osh", country = "Kazakhstan", kind = "consulate", languages = new[] { "ru" },
            address = "Osh", channel = "post", defaultReplyDays = 21,
        };

        var samples = await supervisor.Get("/v1/agencies?kind=consulate").Ok();
        samples["agencies"]!.AsArray().ShouldContain(a => a!["agencyId"]!.ToString() == "ru-consulate-osh" && (bool)a["sample"]!);
        (await system.Correspondence.Json(system.Token()).Post("/v1/agencies",
            new { requestId = NewRequestId(), agencyId = "kz-consulate-osh", agency })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.Post("/v1/agencies", new { requestId = NewRequestId(), agencyId = "KZ consulate", agency }))
            .Status.ShouldBe(HttpStatusCode.BadRequest);

        (await supervisor.Post("/v1/agencies", new { requestId = NewRequestId(), agencyId = "kz-consulate-osh", agency }).Ok())
            .Str("version").ShouldBe("1");
        (await supervisor.Put("/v1/agencies/kz-consulate-osh",
            new { requestId = NewRequestId(), expectedVersion = 1, agency = agency with { defaultReplyDays = 14 } }).Ok()).Str("version").ShouldBe("2");
        (await supervisor.Put("/v1/agencies/kz-consulate-osh", new { requestId = NewRequestId(), expectedVersion = 1, agency }))
            .Status.ShouldBe(HttpStatusCode.Conflict);
        (await supervisor.Get("/v1/agencies/kz-consulate-osh").Ok())["details"]!["defaultReplyDays"]!.ToString().ShouldBe("14");
        await supervisor.Delete($"/v1/agencies/kz-consulate-osh?requestId={NewRequestId()}&expectedVersion=2").Ok();
        (await supervisor.Get("/v1/agencies/kz-consulate-osh")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
