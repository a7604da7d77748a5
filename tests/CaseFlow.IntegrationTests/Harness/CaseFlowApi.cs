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
