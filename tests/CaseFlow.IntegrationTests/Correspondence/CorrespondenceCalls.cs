using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>Correspondence's calls the letter tests share.</summary>
public static class CorrespondenceCalls
{
    /// <summary>Opens a case at Intake and waits until Correspondence has its file.</summary>
    public static async Task<string> CaseWithFile(CaseFlowSystem system, string token, string name = "Alima Toktosunova")
    {
        var caseId = (await system.Intake.Json(token).OpenCase(IntakeCalls.NewCase(name: name))).Str("caseId");
        await Eventually.Get(() => system.Correspondence.Json(token).Find($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        return caseId;
    }

    /// <summary>
    /// The person's consent to share their data with these kinds of agency, given at Intake (GiveConsent), once
    /// Correspondence has noted it: the step before the first letter goes out. Returns the consent's id.
    /// </summary>
    public static async Task<string> GiveConsent(CaseFlowSystem system, string token, string caseId,
        string[]? agencyKinds = null, string occurredAt = "2020-04-02T09:30:00Z")
    {
        var given = await system.Intake.Json(token).Post($"/v1/cases/{caseId}/consents", new
        {
            requestId = NewRequestId(), occurredAt, agencyKinds = agencyKinds ?? ["consulate", "embassy", "ministry"],
            purpose = "enquiries and applications about the family's reunification",
        }).Ok();
        await ConsentNoted(system, token, caseId, given.Str("consentId"), given.Str("consentVersion"));
        return given.Str("consentId");
    }

    /// <summary>Withdraws a consent at Intake and waits until Correspondence has noted the new version.</summary>
    public static async Task WithdrawConsent(CaseFlowSystem system, string token, string caseId, string consentId, string occurredAt)
    {
        var withdrawn = await system.Intake.Json(token).Post($"/v1/cases/{caseId}/consents/{consentId}/withdraw",
            new { requestId = NewRequestId(), occurredAt, reason = "the person changed their mind" }).Ok();
        await ConsentNoted(system, token, caseId, consentId, withdrawn.Str("consentVersion"));
    }

    private static Task ConsentNoted(CaseFlowSystem system, string token, string caseId, string consentId, string version) =>
        Eventually.True(async () =>
            (await system.Correspondence.Json(token).Find($"/v1/cases/{caseId}/correspondence"))?["consents"]?.AsArray()
                .Any(c => c!["consentId"]?.ToString() == consentId && c["version"]?.ToString() == version) == true,
            $"Correspondence to note version {version} of consent {consentId}");

    public static Task<JsonObject> Draft(this JsonApi client, string caseId, object body) =>
        client.Post($"/v1/cases/{caseId}/letters", body).Ok();

    public static Task<JsonObject> Letter(this JsonApi client, string caseId, string letterId) =>
        client.Get($"/v1/cases/{caseId}/letters/{letterId}").Ok();

    public static string NewRequestId() => Guid.NewGuid().ToString();
}
