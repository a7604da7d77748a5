using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>A RabbitMQ virtual host of one test class, so classes run side by side without sharing queues.</summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private readonly HttpClient management;
    public string Name { get; }
    public Uri AmqpUri { get; }

    private RabbitVirtualHost(HttpClient management, string name, Uri amqp)
    {
        this.management = management;
        Name = name;
        AmqpUri = new UriBuilder(amqp) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
    }

    public static async Task<RabbitVirtualHost> Create(Uri managementUri, Uri amqp, string name)
    {
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);
        var client = new HttpClient { BaseAddress = managementUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        var vhost = Uri.EscapeDataString(name);
        (await client.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await client.PutAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}", permissions)).EnsureSuccessStatusCode();
        return new RabbitVirtualHost(client, name, amqp);
    }

    /// <summary>The queues of this virtual host as the management API lists them (name, arguments, durable, auto_delete, …).</summary>
    public async Task<JsonArray> Queues() =>
        (JsonNode.Parse(await management.GetStringAsync($"/api/queues/{Uri.EscapeDataString(Name)}")) as JsonArray) ?? [];

    public async ValueTask DisposeAsync()
    {
        try { await management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}"); }
        catch (HttpRequestException) { /* the broker of a fault test may already be gone */ }
        management.Dispose();
    }
}
