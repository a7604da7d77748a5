using System.Text.Json.Nodes;
using CaseFlow.Cli.Calling;

namespace CaseFlow.Cli.Demo;

/// <summary>
/// The story that defines CaseFlow (shared/DESIGN.md), entered through the public APIs with its real dates:
/// Alima in Kara-Suu, her two-year-old son in Moscow, letters to the consulate and the MFA, the 4 July 2020 charter.
/// </summary>
public static class KaraSuuStory
{
    public sealed record Outcome(Guid CaseId, Guid FlightId);

    /// <summary>Who the story is about; a test gives them unique names to look for them afterwards.</summary>
    public sealed record Cast(string Mother = "Alima", string Son = "Aibek", string? Passport = null);

    /// <summary>The kinds of agency the story discloses to: the letters, and the flight manifest.</summary>
    public static readonly string[] ConsentedAgencyKinds = ["consulate", "embassy", "ministry", "carrier", "service-provider"];

    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(60);

    public static async Task<Outcome> Run(CaseFlowApis lawyer, CaseFlowApis coordinator, Action<string>? say = null, Cast? cast = null)
    {
        say ??= _ => { };
        cast ??= new Cast();
        var (mother, son) = (cast.Mother, cast.Son);
        object[] documents = cast.Passport is { } passport ? [new { kind = "passport", number = passport, issuedBy = "the State Registration Service" }] : [];
        string Id() => Guid.NewGuid().ToString();

        say("2020-04-02  Alima opens a case at the Kara-Suu Single Window Center");
        var caseId = (await lawyer.Intake.Post("/v1/cases", new { requestId = Id(), centerId = "kara-suu", category = "family-separation",
            applicantName = mother, channel = "walk-in", occurredAt = "2020-04-02T09:00:00Z" }).Ok()).Str("caseId");
        var c = $"/v1/cases/{caseId}";
        await lawyer.Intake.Post($"{c}/applicant", new { requestId = Id(), occurredAt = "2020-04-02T09:15:00Z", applicant = new
        {
            fullName = mother, birthDate = "1988-02-11", sex = "female", citizenship = "Kyrgyzstan",
            currentLocation = new { country = "Kyrgyzstan", city = "Kara-Suu" }, locationAbroad = new { country = "Russia", city = "Moscow" },
            migrationStatus = "registration-expired", documents,
        } }).Ok();
        await lawyer.Intake.Post($"{c}/family", new { requestId = Id(), occurredAt = "2020-04-02T09:20:00Z", member = new
        {
            memberId = "son-1", relationship = "son", fullName = son, birthDate = "2018-01-10",
            location = new { country = "Russia", city = "Moscow" }, caregiver = $"{mother}'s sister",
        } }).Ok();
        await lawyer.Intake.Post($"{c}/family/son-1/separation", new { requestId = Id(), occurredAt = "2020-04-02T09:25:00Z",
            location = new { country = "Russia", city = "Moscow" }, caregiver = $"{mother}'s sister", separatedSince = "2020-03-16" }).Ok();
        await lawyer.Intake.Post($"{c}/consultations", new { requestId = Id(), occurredAt = "2020-04-02T10:00:00Z", topic = "returning to Moscow",
            advice = "borders are closed; we will ask the Russian consulate and embassy about entry", durationMinutes = 45 }).Ok();

        await Until(lawyer.Reunification, $"{c}/reunification", f => f.Str("stage") == "assessing", "the reunification file");
        await lawyer.Reunification.Post($"{c}/reunification/plan", new { requestId = Id(), occurredAt = "2020-04-03T09:00:00Z",
            plan = "parent-travels-to-child", reason = "the mother returns to her son in Moscow" }).Ok();

        say("2020-04-02  she agrees that her and her son's data may go to consulates, embassies, ministries, the carrier and service providers");
        await lawyer.Intake.Post($"{c}/consents", new { requestId = Id(), occurredAt = "2020-04-02T10:30:00Z", agencyKinds = ConsentedAgencyKinds,
            purpose = "return of the child to Kyrgyzstan", note = "signed consent form, Kara-Suu center" }).Ok();
        // Correspondence hears of the consent by message: a letter sent before that would be refused.
        await Until(lawyer.Correspondence, $"{c}/correspondence", f => f["consents"]?.AsArray().Count > 0, "the consent noted by Correspondence");

        say("2020-04-20  letters to the Russian consulate and embassy");
        var consulate = await Letter(lawyer, coordinator, c, "ru-consulate-osh", "entry-inquiry", "information-request", "2020-04-20T10:00:00Z", "2020-04-21T09:00:00Z");
        var embassy = await Letter(lawyer, coordinator, c, "ru-embassy-bishkek", "entry-inquiry", "information-request", "2020-05-04T10:00:00Z", "2020-05-05T09:00:00Z");
        say("2020-05-06  the consulate replies: no legal ground for the mother's entry");
        await lawyer.Correspondence.Post($"{c}/letters/{consulate}/reply", new { requestId = Id(), occurredAt = "2020-05-06T11:00:00Z",
            decision = "refused", summary = "even on the charter list she would likely be refused entry: only relatives who are Russian citizens are a legal ground" }).Ok();
        await lawyer.Correspondence.Post($"{c}/letters/{embassy}/reply", new { requestId = Id(), occurredAt = "2020-05-19T11:00:00Z",
            decision = "information", summary = "the embassy confirms the consulate's answer" }).Ok();

        say("2020-05-20  the plan changes: the child comes home instead");
        await Until(lawyer.Reunification, $"{c}/reunification", f => f["agencyDecisions"]?.AsArray().Count >= 1, "the consulate's refusal in Reunification");
        await lawyer.Reunification.Post($"{c}/reunification/plan", new { requestId = Id(), occurredAt = "2020-05-20T09:00:00Z",
            plan = "child-travels-to-parent", reason = "consulate: no legal ground for the mother's entry" }).Ok();

        say("2020-05-28  the sister breaks both legs: the caregiver is incapacitated, the case is urgent");
        await lawyer.Intake.Post($"{c}/vulnerabilities", new { requestId = Id(), occurredAt = "2020-05-28T12:00:00Z",
            kind = "caregiver-incapacitated", memberId = "son-1", note = $"{mother}'s sister broke both legs" }).Ok();

        say("2020-06-18  official application to the MFA of the Kyrgyz Republic; approved 2020-06-28");
        var mfa = await Letter(lawyer, coordinator, c, "kg-mfa", "child-return-application", "official-application", "2020-06-17T10:00:00Z", "2020-06-18T09:00:00Z",
            approveAt: "2020-06-17T15:00:00Z");
        await lawyer.Correspondence.Post($"{c}/letters/{mfa}/reply", new { requestId = Id(), occurredAt = "2020-06-28T10:00:00Z",
            decision = "granted", summary = "the son may fly on the charter flight of 2020-07-04 with other returning migrants" }).Ok();

        say("2020-07-04  the charter flight Moscow → Osh; the son is reunited with his mother after 110 days");
        var flight = await ScheduleCharter(coordinator);
        await lawyer.Reunification.Post($"{c}/reunification/consent", new { requestId = Id(), occurredAt = "2020-06-29T09:00:00Z", givenBy = $"{mother} (mother)" }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/documents", new { requestId = Id(), occurredAt = "2020-06-30T09:00:00Z", kind = "birth-certificate" }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/documents", new { requestId = Id(), occurredAt = "2020-06-30T09:30:00Z", kind = "travel-document" }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/escort", new { requestId = Id(), occurredAt = "2020-07-01T09:00:00Z", escortName = "a returning migrant from Kara-Suu" }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/seat", new { requestId = Id(), occurredAt = "2020-07-01T10:00:00Z", flightId = flight }).Ok();
        // The names go to the carrier only as an issued manifest, under the consent to share given on 2020-04-02.
        await coordinator.Reunification.Post($"/v1/flights/{flight}/manifest/issue", new { requestId = Id(), occurredAt = "2020-07-02T09:00:00Z" }).Ok();
        await coordinator.Reunification.Post($"/v1/flights/{flight}/departure", new { requestId = Id(), occurredAt = "2020-07-04T03:00:00Z" }).Ok();
        await coordinator.Reunification.Post($"/v1/flights/{flight}/arrival", new { requestId = Id(), occurredAt = "2020-07-04T08:00:00Z" }).Ok();
        await lawyer.Reunification.Post($"{c}/reunification/reunion", new { requestId = Id(), occurredAt = "2020-07-04T10:00:00Z", handedOverTo = $"his mother, {mother}" }).Ok();

        await Until(lawyer.Intake, c, f => f["reunionReported"]?.GetValue<bool>() == true, "Intake to hear of the reunion");
        await lawyer.Intake.Post($"{c}/close", new { requestId = Id(), occurredAt = "2020-07-04T12:00:00Z", outcome = "reunified",
            summary = "the son flew home on the 4 July charter and is back with his mother" }).Ok();
        say($"case {caseId} closed as reunified");
        return new Outcome(Guid.Parse(caseId), Guid.Parse(flight));
    }

    /// <summary>The 4 July charter; a demo loaded again gets its own flight that day (KG-0704-2, …), as one number flies once a day.</summary>
    private static async Task<string> ScheduleCharter(CaseFlowApis coordinator)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = attempt == 1 ? "KG-0704" : $"KG-0704-{attempt}";
            try
            {
                return (await coordinator.Reunification.Post("/v1/flights", new { requestId = Guid.NewGuid().ToString(), occurredAt = "2020-06-28T12:00:00Z",
                    number, from = "Moscow", to = "Osh", date = "2020-07-04", capacity = 150 }).Ok()).Str("flightId");
            }
            catch (JsonCallFailed e) when (e.Body.Contains("already scheduled") && attempt < 100) { }
        }
    }

    private static async Task<string> Letter(CaseFlowApis lawyer, CaseFlowApis coordinator, string c, string agency, string template, string kind,
        string draftedAt, string sentAt, string? approveAt = null)
    {
        await Until(lawyer.Correspondence, $"{c}/correspondence", _ => true, "the correspondence file");
        var letter = (await lawyer.Correspondence.Post($"{c}/letters", new { requestId = Guid.NewGuid().ToString(), occurredAt = draftedAt,
            agencyId = agency, kind, language = "ru", templateId = template, familyMemberId = "son-1" }).Ok()).Str("letterId");
        if (approveAt is not null)
            await coordinator.Correspondence.Post($"{c}/letters/{letter}/approval",
                new { requestId = Guid.NewGuid().ToString(), occurredAt = approveAt, note = "approved" }).Ok();
        await lawyer.Correspondence.Post($"{c}/letters/{letter}/sending", new { requestId = Guid.NewGuid().ToString(), occurredAt = sentAt, channel = "e-mail" }).Ok();
        return letter;
    }

    /// <summary>Waits for something another service learns through the broker; gives up naming the service and what it waited for.</summary>
    internal static async Task Until(JsonApi service, string path, Func<JsonObject, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + DeliveryLimit;
        while (await service.Find(path) is not { } found || !done(found))
        {
            if (DateTime.UtcNow > deadline) throw new DeliveryTimedOut(service.Name, what, DeliveryLimit);
            await Task.Delay(50);
        }
    }
}
