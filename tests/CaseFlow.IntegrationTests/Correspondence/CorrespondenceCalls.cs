using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>Small JSON helpers over Correspondence's HTTP API.</summary>
public static class CorrespondenceCalls
{
    /// <summary>Opens a case at Intake and waits until Correspondence has its file.</summary>
    public static async Task<string> CaseWithFile(CaseFlowSystem system, string token, string name = "Alima Toktosunova")
    {
        var caseId = (await system.Intake.Json(token).OpenCase(CaseFlowApi.NewCase(name: name))).Str("caseId");
        await Eventually.Get(() => system.Correspondence.Json(token).GetOrNull($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        return caseId;
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> Send(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>A command that must succeed: its JSON answer.</summary>
    public static async Task<JsonObject> Ok(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var (status, json) = await client.Send(method, path, body);
        status.ShouldBe(HttpStatusCode.OK, $"{method} {path} answered {json}");
        return json;
    }

    public static Task<JsonObject> Draft(this HttpClient client, string caseId, object body) =>
        client.Ok(HttpMethod.Post, $"/v1/cases/{caseId}/letters", body);

    public static Task<JsonObject> Letter(this HttpClient client, string caseId, string letterId) =>
        client.Ok(HttpMethod.Get, $"/v1/cases/{caseId}/letters/{letterId}");

    public static string NewRequestId() => Guid.NewGuid().ToString();
}
