using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.Reporting;

/// <summary>
/// A small, known set of cases made through the public APIs (four centers in three provinces, closed and open), whose
/// figures the statistics tests compute by hand. Business times are in 2020; the figures are asked as of <see cref="AsOf"/>.
/// </summary>
public sealed class StatisticsSystem : CaseFlowSystem
{
    public const string AsOf = "2020-12-31T00:00:00Z";
    public const string ApplicantName = "Statistics Applicant";

    public string Supervisor => Token(role: "supervisor", center: null, user: "coordinator");
    public string Dashboard => Token(role: "dashboard", center: null, user: "manager");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var intake = Intake.Json(Supervisor);
        await Case(intake, "kara-suu", "family-separation", "2020-04-01T09:00:00Z", ("female", "1990-05-01"), "2020-04-03T09:00:00Z",
            ("resolved-by-advice", "2020-04-11T09:00:00Z"));
        await Case(intake, "osh", "stranded-abroad", "2020-04-02T09:00:00Z", ("male", "2005-01-01"), "2020-04-06T09:00:00Z",
            ("withdrawn", "2020-04-22T09:00:00Z"));
        var batken = await Case(intake, "batken", "documents", "2020-05-04T09:00:00Z", null, "2020-05-05T09:00:00Z", null);
        var jalalAbad = await Case(intake, "jalal-abad", "family-separation", "2020-06-01T09:00:00Z", null, null, null);
        await Letters(batken, jalalAbad);
    }

    /// <summary>
    /// Jalal-Abad: the consulate answers on time (10 days), the embassy late (30 days). Batken: neither answers; the embassy gets
    /// a follow-up moving its due date into 2021, the consulate's letter stays overdue and needs one.
    /// </summary>
    private async Task Letters(string batken, string jalalAbad)
    {
        await GiveConsent(this, Supervisor, batken, ["consulate", "embassy"], "2020-05-04T10:00:00Z");
        await GiveConsent(this, Supervisor, jalalAbad, ["consulate", "embassy"], "2020-06-01T10:00:00Z");
        await Letter(jalalAbad, "ru-consulate-osh", "2020-06-02T10:00:00Z", "2020-06-20", reply: "2020-06-12T10:00:00Z");
        await Letter(jalalAbad, "ru-embassy-bishkek", "2020-06-02T10:00:00Z", "2020-06-20", reply: "2020-07-02T10:00:00Z");
        await Letter(batken, "ru-consulate-osh", "2020-05-06T10:00:00Z", "2020-05-20");
        await Letter(batken, "ru-embassy-bishkek", "2020-05-06T10:00:00Z", "2020-05-20", followUp: ("2020-05-25T10:00:00Z", "2021-01-31"));
    }

    private async Task Letter(string caseId, string agency, string sentAt, string dueBy, string? reply = null,
        (string At, string DueBy)? followUp = null)
    {
        var client = Correspondence.Json(Supervisor);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = agency, language = "en", kind = "information-request", subject = "Entry", body = "Please advise.",
            occurredAt = sentAt,
        })).Str("letterId");
        var letter = $"/v1/cases/{caseId}/letters/{letterId}";
        await client.Post($"{letter}/sending", new { requestId = NewRequestId(), channel = "e-mail", replyDueBy = dueBy, occurredAt = sentAt }).Ok();
        if (followUp is { } f)
            await client.Post($"{letter}/follow-ups", new { requestId = NewRequestId(), channel = "e-mail", replyDueBy = f.DueBy, occurredAt = f.At }).Ok();
        if (reply is not null)
            await client.Post($"{letter}/reply", new { requestId = NewRequestId(), decision = "information", summary = "See the rules", occurredAt = reply }).Ok();
    }

    private async Task<string> Case(JsonApi intake, string center, string category, string openedAt, (string Sex, string Born)? applicant,
        string? consultedAt, (string Outcome, string At)? closing)
    {
        var caseId = (await intake.Post("/v1/cases", new
        {
            requestId = Guid.NewGuid().ToString(), centerId = center, category, applicantName = ApplicantName, occurredAt = openedAt,
        }).Ok()).Str("caseId");
        if (applicant is { } person)
            await intake.Post($"/v1/cases/{caseId}/applicant", new
            {
                requestId = Guid.NewGuid().ToString(), occurredAt = openedAt,
                applicant = new { fullName = ApplicantName, birthDate = person.Born, sex = person.Sex, citizenship = "Kyrgyzstan" },
            }).Ok();
        if (consultedAt is not null)
            await intake.Post($"/v1/cases/{caseId}/consultations", new
            {
                requestId = Guid.NewGuid().ToString(), occurredAt = consultedAt, topic = "registration", advice = "renew it", durationMinutes = 30,
            }).Ok();
        if (closing is { } close)
            await intake.Post($"/v1/cases/{caseId}/close", new
            {
                requestId = Guid.NewGuid().ToString(), occurredAt = close.At, outcome = close.Outcome, summary = "done",
            }).Ok();
        await Eventually.Get(() => Correspondence.Json(Supervisor).Find($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        return caseId;
    }

    /// <summary>A breakdown figure of an answer as value → count, checking its key.</summary>
    public static Dictionary<string, long> Counts(JsonObject answer, string field, string key)
    {
        var figure = answer[field]?.AsObject() ?? throw new InvalidOperationException($"no '{field}' in {answer.ToJsonString()}");
        figure.Str("key").ShouldBe(key);
        return (figure["counts"]?.AsArray() ?? []).ToDictionary(c => c!["value"]?.ToString() ?? "", c => long.Parse(c!["count"]?.ToString() ?? "0"));
    }

    public static long Number(JsonObject figure, string field) => long.Parse(figure[field]?.ToString() ?? "0");

    public static double Decimal(JsonObject figure, string field) => double.Parse(figure[field]?.ToString() ?? "0",
        System.Globalization.CultureInfo.InvariantCulture);
}
