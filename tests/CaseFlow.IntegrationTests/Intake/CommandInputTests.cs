using System.Net;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Intake;

/// <summary>Every Intake command with bad input: a 400 naming the field (or 403 / 404 / 412 by rule), and nothing appended.</summary>
public sealed class CommandInputTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private static string Id() => Guid.NewGuid().ToString();
    private static readonly string Tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("O");

    public static TheoryData<string, string, object, int, string> BadCommands => new()
    {
        { "POST", "applicant", new { requestId = Id(), applicant = new { sex = "female" } }, 400, "applicant.fullName" },
        { "POST", "applicant", new { requestId = Id(), applicant = new { fullName = "A", birthDate = "02/03/1988" } }, 400, "applicant.birthDate" },
        { "POST", "applicant", new { requestId = Id(), applicant = new { fullName = "A", documents = new[] { new { kind = "library-card", number = "1" } } } }, 400, "applicant.documents[0].kind" },
        { "POST", "applicant", new { requestId = Id(), occurredAt = Tomorrow, applicant = new { fullName = "A" } }, 400, "occurredAt" },
        { "PUT", "applicant", new { requestId = Id(), applicant = new { fullName = "A" } }, 400, "reason" },
        { "POST", "family", new { requestId = Id(), member = new { relationship = "son", fullName = "B" } }, 400, "member.memberId" },
        { "POST", "family", new { requestId = Id(), member = new { memberId = "x", relationship = "cousin-twice-removed", fullName = "B" } }, 400, "member.relationship" },
        { "POST", "family", new { requestId = Id(), occurredAt = "2019-01-01T00:00:00Z", member = new { memberId = "x", relationship = "son", fullName = "B" } }, 400, "occurredAt" },
        { "POST", "family/son-9/separation", new { requestId = Id(), location = new { country = "Russia", city = "Moscow" } }, 400, "separatedSince" },
        { "POST", "family/son-9/separation", new { requestId = Id(), separatedSince = "2020-03-16" }, 400, "location" },
        { "POST", "family/son-9/separation", new { requestId = Id(), separatedSince = "2020-03-16", location = new { country = "Russia", city = "Moscow" } }, 404, "son-9" },
        { "POST", "vulnerabilities", new { requestId = Id(), kind = "bad-luck" }, 400, "kind" },
        { "POST", "vulnerabilities/v7/clear", new { requestId = Id() }, 404, "v7" },
        { "POST", "consultations", new { requestId = Id(), advice = "a", durationMinutes = 10 }, 400, "topic" },
        { "POST", "consultations", new { requestId = Id(), topic = "t", advice = "a", durationMinutes = 0 }, 400, "durationMinutes" },
        { "POST", "assignment", new { requestId = Id() }, 400, "operator" },
        { "POST", "transfer", new { requestId = Id(), toCenterId = "atlantis", reason = "r" }, 400, "toCenterId" },
        { "POST", "transfer", new { requestId = Id(), toCenterId = "osh" }, 400, "reason" },
        { "POST", "referrals", new { requestId = Id(), referredTo = "MFA", reason = "r", consentGiven = false }, 412, "consent" },
        { "POST", "consents", new { requestId = Id(), agencyKinds = new[] { "consulate", "bank" }, purpose = "p" }, 400, "agencyKinds[1]" },
        { "POST", "consents", new { requestId = Id(), agencyKinds = new[] { "consulate" } }, 400, "purpose" },
        { "POST", "consents", new { requestId = Id(), purpose = "p" }, 400, "agencyKinds" },
        { "POST", "consents", new { requestId = Id(), consentId = Id(), agencyKinds = new[] { "consulate" }, purpose = "p" }, 404, "consent" },
        { "POST", $"consents/{Id()}/withdraw", new { requestId = Id() }, 404, "consent" },
        { "POST", "close", new { requestId = Id(), outcome = "happily-ever-after", summary = "s" }, 400, "outcome" },
        { "POST", "close", new { requestId = Id(), outcome = "withdrawn" }, 400, "summary" },
        { "POST", "reopen", new { requestId = Id(), reason = "r" }, 412, "open" },
        { "POST", "consultations", new { requestId = Id(), expectedVersion = 0, topic = "t", advice = "a", durationMinutes = 5 }, 400, "expectedVersion" },
        { "POST", "consultations", new { requestId = Id(), expectedVersion = 7, topic = "t", advice = "a", durationMinutes = 5 }, 409, "" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task A_bad_command_is_refused_with_the_field_named_and_appends_nothing(string method, string path, object body, int status, string named)
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase(occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId");
        var intake = system.Intake.Json(system.Token());

        var answer = method == "PUT" ? await intake.Put($"/v1/cases/{caseId}/{path}", body) : await intake.Post($"/v1/cases/{caseId}/{path}", body);

        ((int)answer.Status).ShouldBe(status, answer.Body);
        answer.Body.ShouldContain(named);
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid", caseId)).ShouldBe(1);
    }

    [Fact]
    public async Task An_operator_of_another_center_changes_nothing_and_an_unknown_case_is_404()
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase())).Str("caseId");
        var osh = system.Intake.Json(system.Token(center: "osh"));

        (await osh.Post($"/v1/cases/{caseId}/assignment", new { requestId = Id(), @operator = "intruder" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await system.Intake.Json(system.Token(role: "auditor", center: null)).Post($"/v1/cases/{caseId}/assignment", new { requestId = Id(), @operator = "x" }))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        (await system.Intake.Json(system.Token()).Post($"/v1/cases/{Guid.NewGuid()}/assignment", new { requestId = Id(), @operator = "x" }))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid", caseId)).ShouldBe(1);
    }
}
