using System.Net;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Intake;

/// <summary>A wrongly entered business time corrected through the API: state as of a time uses it, history keeps both.</summary>
public sealed class BusinessTimeCorrectionTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Operator => system.Intake.Json(system.Token());
    private JsonApi Auditor => system.Intake.Json(system.Token(role: "auditor", center: null, user: "donor-auditor"));
    private static string Id() => Guid.NewGuid().ToString();

    [Fact]
    public async Task A_consultation_moved_to_its_real_day_counts_as_of_that_day_while_history_keeps_both_times()
    {
        var caseId = (await Operator.OpenCase(IntakeCalls.NewCase(occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId");
        await Operator.Post($"/v1/cases/{caseId}/consultations", new
        {
            requestId = Id(), occurredAt = "2020-04-10T10:00:00Z", topic = "entry rules", advice = "write to the consulate", durationMinutes = 30,
        }).Ok();
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var asOf = "/state?asOf=2020-04-05T00:00:00Z";
        (await Auditor.Get($"/v1/cases/{caseId}{asOf}").Ok())["state"]!["ConsultationCount"]!.GetValue<int>().ShouldBe(0);

        var correction = new { requestId = Id(), factVersion = 2, correctedOccurredAt = "2020-04-03T10:00:00Z", reason = "typed the 10th for the 3rd" };
        var corrected = await Operator.Post($"/v1/cases/{caseId}/business-time-corrections", correction).Ok();
        (await Operator.Post($"/v1/cases/{caseId}/business-time-corrections", correction).Ok()).Str("version").ShouldBe(corrected.Str("version"));

        var state = (await Auditor.Get($"/v1/cases/{caseId}{asOf}").Ok())["state"]!;
        state["ConsultationCount"]!.GetValue<int>().ShouldBe(1);
        DateTimeOffset.Parse(state["FirstConsultationAt"]!.ToString()).ShouldBe(DateTimeOffset.Parse("2020-04-03T10:00:00Z"));
        var knownThen = $"/v1/cases/{caseId}{asOf}&knownAt={Uri.EscapeDataString(beforeCorrection.ToString("O"))}";
        (await Auditor.Get(knownThen).Ok())["state"]!["ConsultationCount"]!.GetValue<int>().ShouldBe(0, "what was known before the correction");

        var history = (await Auditor.Get($"/v1/cases/{caseId}/history").Ok())["events"]!.AsArray();
        history.Count.ShouldBe(3);
        history[1]!["occurredAt"]!.ToString().ShouldBe("2020-04-10T10:00:00Z");
        history[2]!["type"]!.ToString().ShouldBe("BusinessTimeCorrected");
        (await Auditor.Get($"/v1/cases/{caseId}/verify").Ok())["intact"]!.GetValue<bool>().ShouldBeTrue();
        var timeline = (await Operator.Get($"/v1/cases/{caseId}/timeline").Ok())["entries"]!.AsArray();
        timeline.Single(e => e!["type"]!.ToString() == "ConsultationHeld")!["occurredAt"]!.ToString().ShouldBe("2020-04-03T10:00:00Z");
    }

    [Fact]
    public async Task A_correction_without_a_fact_or_before_the_opening_is_refused_naming_why()
    {
        var caseId = (await Operator.OpenCase(IntakeCalls.NewCase(occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId");
        var bad = await Operator.Post($"/v1/cases/{caseId}/business-time-corrections", new { requestId = Id(), reason = "r" });
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Body.ShouldContain("factVersion");
        bad.Body.ShouldContain("correctedOccurredAt");
        (await Operator.Post($"/v1/cases/{caseId}/business-time-corrections",
            new { requestId = Id(), factVersion = 9, correctedOccurredAt = "2020-04-03T10:00:00Z", reason = "r" })).Status.ShouldBe(HttpStatusCode.NotFound);
        var opening = await Operator.Post($"/v1/cases/{caseId}/business-time-corrections",
            new { requestId = Id(), factVersion = 1, correctedOccurredAt = "2020-04-01T10:00:00Z", reason = "r" });
        ((int)opening.Status).ShouldBe(412, opening.Body);
        (await system.Intake.Json(system.Token(center: "osh")).Post($"/v1/cases/{caseId}/business-time-corrections",
            new { requestId = Id(), factVersion = 1, correctedOccurredAt = "2020-04-03T10:00:00Z", reason = "r" })).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
