using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary>The case the audit tests tamper with: opened on 2020-04-02, then four consultations, five events in all.</summary>
public static class AuditedCases
{
    public static async Task<string> CaseWithFiveEvents(this CaseFlowSystem system)
    {
        var intake = system.Intake.Json(system.Token());
        var caseId = (await intake.OpenCase(IntakeCalls.NewCase(occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId");
        foreach (var (topic, day) in new[] { ("entry rules", "04-02"), ("consulate letter", "04-20"), ("embassy letter", "05-05"), ("MFA application", "06-18") })
            await intake.Post($"/v1/cases/{caseId}/consultations", new
            {
                requestId = Guid.NewGuid().ToString(), occurredAt = $"2020-{day}T12:00:00Z", topic, advice = "noted", durationMinutes = 20,
            }).Ok();
        return caseId;
    }
}
