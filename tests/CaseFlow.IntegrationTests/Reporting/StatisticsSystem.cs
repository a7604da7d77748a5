using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;

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
        await Case(intake, "batken", "documents", "2020-05-04T09:00:00Z", null, "2020-05-05T09:00:00Z", null);
        await Case(intake, "jalal-abad", "family-separation", "2020-06-01T09:00:00Z", null, null, null);
    }

    private static async Task Case(JsonApi intake, string center, string category, string openedAt, (string Sex, string Born)? applicant,
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
