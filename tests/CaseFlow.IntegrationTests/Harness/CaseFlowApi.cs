using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>Small JSON helpers over the public HTTP API.</summary>
public static class CaseFlowApi
{
    public static object NewCase(string? requestId = null, string center = "kara-suu", string name = "Alima",
        string occurredAt = "2020-04-02T09:00:00Z") => new
    {
        requestId = requestId ?? Guid.NewGuid().ToString(),
        centerId = center,
        category = "family-separation",
        applicantName = name,
        occurredAt,
    };

    public static async Task<JsonObject> OpenCase(this HttpClient intake, object body)
    {
        var response = await intake.PostAsJsonAsync("/v1/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"OpenCase answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The JSON of a GET, or null while it is 404 (not delivered yet).</summary>
    public static async Task<JsonObject?> GetOrNull(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Str(this JsonObject json, string name) =>
        json[name]?.ToString() ?? throw new ShouldAssertException($"no '{name}' in {json}");
}

/// <summary>A JSON call's status and body, for tests that look at errors as closely as at answers.</summary>
public sealed record JsonAnswer(System.Net.HttpStatusCode Status, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public JsonAnswer ShouldSucceed()
    {
        ((int)Status).ShouldBeInRange(200, 299, Body);
        return this;
    }

    public static async Task<JsonAnswer> Of(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return new JsonAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public static class JsonCalls
{
    public static Task<JsonAnswer> Post(this HttpClient client, string path, object body) =>
        JsonAnswer.Of(client.PostAsJsonAsync(path, body));

    public static Task<JsonAnswer> Put(this HttpClient client, string path, object body) =>
        JsonAnswer.Of(client.PutAsJsonAsync(path, body));

    public static Task<JsonAnswer> Get(this HttpClient client, string path) => JsonAnswer.Of(client.GetAsync(path));
}
