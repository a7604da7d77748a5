using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.IntegrationTests.Privacy;

/// <summary>
/// A queue of the test's virtual host bound to every exchange in it (through the management API), so every message
/// any service publishes lands there too; and the contents of every queue whose name ends in <c>_error</c>.
/// </summary>
public sealed class MessageCapture(Uri management, Uri amqp) : IDisposable
{
    private const string Queue = "privacy-capture";
    private readonly HttpClient http = Client(management, amqp);
    private readonly string vhost = Uri.EscapeDataString(Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/')));
    private readonly HashSet<string> bound = [];

    public async Task Declare() =>
        (await http.PutAsJsonAsync($"/api/queues/{vhost}/{Queue}", new { durable = false, auto_delete = false })).EnsureSuccessStatusCode();

    /// <summary>Binds the exchanges not bound yet; called again while the story runs, for exchanges declared on first use.</summary>
    public async Task BindEveryExchange()
    {
        var exchanges = await http.GetFromJsonAsync<JsonArray>($"/api/exchanges/{vhost}");
        foreach (var name in exchanges!.Select(e => e!["name"]!.GetValue<string>()).Where(n => n.Length > 0 && !n.StartsWith("amq.", StringComparison.Ordinal)))
        {
            if (!bound.Add(name)) continue;
            foreach (var key in new[] { "", "#" })
                (await http.PostAsJsonAsync($"/api/bindings/{vhost}/e/{Uri.EscapeDataString(name)}/q/{Queue}", new { routing_key = key }))
                    .EnsureSuccessStatusCode();
        }
    }

    public int Exchanges => bound.Count;

    /// <summary>Every captured message's body, taken off the capture queue.</summary>
    public Task<IReadOnlyList<string>> Captured() => Messages(Queue, "ack_requeue_false");

    /// <summary>Every message in every error queue, left where it is.</summary>
    public async Task<IReadOnlyList<string>> InErrorQueues()
    {
        var queues = await http.GetFromJsonAsync<JsonArray>($"/api/queues/{vhost}");
        var all = new List<string>();
        foreach (var name in queues!.Select(q => q!["name"]!.GetValue<string>()).Where(n => n.EndsWith("_error", StringComparison.Ordinal)))
            all.AddRange(await Messages(name, "ack_requeue_true"));
        return all;
    }

    private async Task<IReadOnlyList<string>> Messages(string queue, string ackMode)
    {
        var answer = await http.PostAsJsonAsync($"/api/queues/{vhost}/{Uri.EscapeDataString(queue)}/get",
            new { count = 100_000, ackmode = ackMode, encoding = "auto", truncate = 10_000_000 });
        answer.EnsureSuccessStatusCode();
        var messages = await answer.Content.ReadFromJsonAsync<JsonArray>();
        return [.. messages!.Select(m => m!.ToJsonString())];
    }

    private static HttpClient Client(Uri management, Uri amqp)
    {
        var client = new HttpClient { BaseAddress = management };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        return client;
    }

    public void Dispose() => http.Dispose();
}
