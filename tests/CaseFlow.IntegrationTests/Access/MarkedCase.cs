using CaseFlow.IntegrationTests.CorrespondenceLetters;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.IntegrationTests.Access;

/// <summary>
/// A Kara-Suu case entered through the public APIs whose every personal field holds a marker found nowhere else: the
/// applicant (name, phone, document, birth date), a separated son (name, birth date, caregiver), free text, a
/// hand-written letter with its reply, and a reunification file with an escort and a seat on a charter flight.
/// </summary>
public sealed record MarkedCase(string CaseId, string FlightId, string LetterId, string MemberId, IReadOnlyDictionary<string, string> Markers)
{
    public const string Center = "kara-suu";

    public static async Task<MarkedCase> Enter(CaseFlowSystem system)
    {
        var lawyerToken = system.Token(Caller.Operator, Center, "lawyer-aigul");
        var lawyer = system.Apis(lawyerToken);
        var coordinator = system.Apis(system.Token(Caller.Supervisor, center: null, user: "coordinator"));
        var markers = new Dictionary<string, string>
        {
            ["applicant name"] = Word(), ["phone"] = Word(), ["document number"] = Word().ToUpperInvariant(),
            ["document issuer"] = Word(), ["applicant birth date"] = "1983-09-27", ["member name"] = Word(),
            ["member birth date"] = "2017-05-19", ["caregiver"] = Word(), ["city abroad"] = Word(), ["consultation topic"] = Word(),
            ["consultation advice"] = Word(), ["vulnerability note"] = Word(), ["plan reason"] = Word(),
            ["letter subject"] = Word(), ["letter body"] = Word(), ["reply summary"] = Word(), ["consent by"] = Word(),
            ["escort"] = Word(),
        };
        string M(string what) => markers[what];
        string Id() => Guid.NewGuid().ToString();

        var caseId = (await lawyer.Intake.OpenCase(IntakeCalls.NewCase(center: Center, name: M("applicant name")))).Str("caseId");
        var c = $"/v1/cases/{caseId}";
        await lawyer.Intake.Post($"{c}/applicant", new { requestId = Id(), occurredAt = "2020-04-02T09:15:00Z", applicant = new
        {
            fullName = M("applicant name"), birthDate = M("applicant birth date"), sex = "female", citizenship = "Kyrgyzstan",
            phone = M("phone"), documents = new[] { new { kind = "passport", number = M("document number"), issuedBy = M("document issuer") } },
            locationAbroad = new { country = "Russia", city = M("city abroad") },
        } }).Ok();
        await lawyer.Intake.Post($"{c}/family", new { requestId = Id(), occurredAt = "2020-04-02T09:20:00Z", member = new
        {
            memberId = "son-1", relationship = "son", fullName = M("member name"), birthDate = M("member birth date"),
            location = new { country = "Russia", city = M("city abroad") }, caregiver = M("caregiver"),
        } }).Ok();
        await lawyer.Intake.Post($"{c}/family/son-1/separation", new { requestId = Id(), occurredAt = "2020-04-02T09:25:00Z",
            location = new { country = "Russia", city = M("city abroad") }, caregiver = M("caregiver"), separatedSince = "2020-03-16" }).Ok();
        await lawyer.Intake.Post($"{c}/consultations", new { requestId = Id(), occurredAt = "2020-04-02T10:00:00Z",
            topic = M("consultation topic"), advice = M("consultation advice"), durationMinutes = 45 }).Ok();
        await lawyer.Intake.Post($"{c}/vulnerabilities", new { requestId = Id(), occurredAt = "2020-04-02T10:30:00Z",
            kind = "caregiver-incapacitated", memberId = "son-1", note = M("vulnerability note") }).Ok();
        // The one setup change disclosures allow: the person's consent to share, before the first letter, referral or manifest.
        // Waits until Correspondence has noted it: a letter sent before that is refused for want of consent.
        await CorrespondenceCalls.GiveConsent(system, lawyerToken, caseId,
            ["consulate", "embassy", "ministry", "migration-service", "carrier", "service-provider", "other"], "2020-04-02T10:40:00Z");
        var letterId = (await lawyer.Correspondence.Post($"{c}/letters", new { requestId = Id(), occurredAt = "2020-04-20T10:00:00Z",
            agencyId = "ru-consulate-osh", kind = "information-request", language = "ru", subject = M("letter subject"), body = M("letter body") }).Ok()).Str("letterId");
        await lawyer.Correspondence.Post($"{c}/letters/{letterId}/sending", new { requestId = Id(), occurredAt = "2020-04-21T09:00:00Z", channel = "e-mail" }).Ok();
        await lawyer.Correspondence.Post($"{c}/letters/{letterId}/reply", new { requestId = Id(), occurredAt = "2020-05-06T11:00:00Z",
            decision = "information", summary = M("reply summary") }).Ok();

        await Eventually.True(async () => (await lawyer.Reunification.Find($"{c}/reunification"))?["stage"]?.ToString() == "assessing", "the reunification file");
        var flightId = (await coordinator.Reunification.Post("/v1/flights", new { requestId = Id(), occurredAt = "2020-06-28T12:00:00Z",
            number = "KG-" + Word()[..6].ToUpperInvariant(), from = "Moscow", to = "Osh", date = "2020-07-04", capacity = 150 }).Ok()).Str("flightId");
        await lawyer.Reunification.Post($"{c}/reunification/plan", new { requestId = Id(), occurredAt = "2020-05-20T09:00:00Z",
            plan = "child-travels-to-parent", reason = M("plan reason") }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/consent", new { requestId = Id(), occurredAt = "2020-06-29T09:00:00Z", givenBy = M("consent by") }).Ok();
        foreach (var kind in new[] { "birth-certificate", "travel-document" })
            await lawyer.Reunification.Post($"{c}/reunification/documents", new { requestId = Id(), occurredAt = "2020-06-30T09:00:00Z", kind }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/escort", new { requestId = Id(), occurredAt = "2020-07-01T09:00:00Z", escortName = M("escort") }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/seat", new { requestId = Id(), occurredAt = "2020-07-01T10:00:00Z", flightId }).Ok();
        await Eventually.True(async () => (await coordinator.Reunification.Get($"/v1/flights/{flightId}/manifest").Ok())["passengers"]?.AsArray().Count == 1,
            "the traveller on the manifest");
        // The last message Intake hears of: until it is noted, an event may still land in Intake during a refused call.
        await Eventually.True(async () => (await lawyer.Intake.Get($"{c}/timeline").Ok()).ToJsonString().Contains("Seat on flight", StringComparison.Ordinal),
            "the seat noted on Intake's timeline");
        return new MarkedCase(caseId, flightId, letterId, "son-1", markers);
    }

    /// <summary>The markers a text contains.</summary>
    public IReadOnlyList<string> FoundIn(string text) =>
        Markers.Where(m => text.Contains(m.Value, StringComparison.Ordinal)).Select(m => m.Key).ToList();

    /// <summary>A word of random letters, capitalised like a name: found nowhere but where this case put it.</summary>
    private static string Word() =>
        "Q" + new string(Enumerable.Range(0, 11).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
