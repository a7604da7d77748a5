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

    public static Task<JsonObject> Draft(this JsonApi client, string caseId, object body) =>
        client.Post($"/v1/cases/{caseId}/letters", body).Ok();

    public static Task<JsonObject> Letter(this JsonApi client, string caseId, string letterId) =>
        client.Get($"/v1/cases/{caseId}/letters/{letterId}").Ok();

    public static string NewRequestId() => Guid.NewGuid().ToString();
}
