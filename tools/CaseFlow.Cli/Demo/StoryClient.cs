using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Cli.Demo;

/// <summary>The public JSON APIs of the three services, called as an operator or as a supervisor would.</summary>
public sealed class StoryClient(Uri intake, Uri correspondence, Uri reunification, string operatorToken, string supervisorToken)
{
    public static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(60);

    public Task<JsonObject> Intake(string path, object body, bool asSupervisor = false) => Post(intake, path, body, asSupervisor);
    public Task<JsonObject> Correspondence(string path, object body, bool asSupervisor = false) => Post(correspondence, path, body, asSupervisor);
    public Task<JsonObject> Reunification(string path, object body, bool asSupervisor = false) => Post(reunification, path, body, asSupervisor);

    public Task<JsonObject?> GetIntake(string path) => Get(intake, path);
    public Task<JsonObject?> GetCorrespondence(string path) => Get(correspondence, path);
    public Task<JsonObject?> GetReunification(string path, bool asSupervisor = false) => Get(reunification, path, asSupervisor);

    /// <summary>Waits for something another service learns through the broker.</summary>
    public static async Task<JsonObject> Until(Func<Task<JsonObject?>> probe, Func<JsonObject, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + DeliveryLimit;
        while (true)
        {
            if (await probe() is { } found && done(found)) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up waiting for {what}");
            await Task.Delay(50);
        }
    }

    private async Task<JsonObject> Post(Uri service, string path, object body, bool asSupervisor)
    {
        using var client = Client(service, asSupervisor);
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {service}{path.TrimStart('/')} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject?> Get(Uri service, string path, bool asSupervisor = false)
    {
        using var client = Client(service, asSupervisor);
        using var response = await client.GetAsync(path);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {service}{path.TrimStart('/')} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private HttpClient Client(Uri service, bool asSupervisor)
    {
        var client = new HttpClient { BaseAddress = service };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", asSupervisor ? supervisorToken : operatorToken);
        return client;
    }
}
