using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.FaultTests.Harness;

/// <summary>The broker's management API for one virtual host: queue depths, a peek into a queue, a raw publish.</summary>
public sealed class RabbitManagement(Uri management, string virtualHost)
{
    private readonly HttpClient http = Client(management);
    private string Vhost => Uri.EscapeDataString(virtualHost);

    public sealed record Queue(string Name, long Ready, long Unacknowledged, long Consumers)
    {
        public long Total => Ready + Unacknowledged;
        public override string ToString() => $"{Name} {Ready} ready/{Unacknowledged} unacked/{Consumers} consumer(s)";
    }

    /// <summary>The queues and their depths (the management API samples: counts may lag by a few seconds).</summary>
    public async Task<IReadOnlyList<Queue>> Queues()
    {
        var queues = await http.GetFromJsonAsync<JsonArray>($"/api/queues/{Vhost}?columns=name,messages_ready,messages_unacknowledged,consumers");
        return [.. queues!.Select(q => new Queue(q!["name"]!.GetValue<string>(),
            q["messages_ready"]?.GetValue<long>() ?? 0, q["messages_unacknowledged"]?.GetValue<long>() ?? 0,
            q["consumers"]?.GetValue<long>() ?? 0))];
    }

    /// <summary>Up to <paramref name="count"/> messages of a queue, put back afterwards; none when the queue does not exist (yet).</summary>
    public async Task<JsonArray> Peek(string queue, int count)
    {
        var request = new { count, ackmode = "ack_requeue_true", encoding = "auto" };
        using var response = await http.PostAsJsonAsync($"/api/queues/{Vhost}/{Uri.EscapeDataString(queue)}/get", request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>Publishes a raw body straight to a queue (through the default exchange), bypassing every sender's checks.</summary>
    public async Task PublishToQueue(string queue, string body, string contentType, string messageId)
    {
        var request = new
        {
            properties = new { content_type = contentType, message_id = messageId, delivery_mode = 2 },
            routing_key = queue,
            payload = body,
            payload_encoding = "string",
        };
        using var response = await http.PostAsJsonAsync($"/api/exchanges/{Vhost}/amq.default/publish", request);
        response.EnsureSuccessStatusCode();
        var routed = (await response.Content.ReadFromJsonAsync<JsonObject>())!["routed"]!.GetValue<bool>();
        if (!routed) throw new InvalidOperationException($"the broker routed the message to no queue (is {queue} there?)");
    }

    private static HttpClient Client(Uri management)
    {
        var client = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("caseflow:caseflow")));
        return client;
    }
}
