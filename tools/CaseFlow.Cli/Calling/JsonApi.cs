using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.Cli.Calling;

/// <summary>
/// One service's JSON API called with one bearer token: the only HTTP client of the CLI's demo and of the integration
/// tests. Every call answers its status and body, refusals included; <c>.Ok()</c> is for a call that must succeed.
/// </summary>
/// <param name="name">The service's name, to say which one did not answer.</param>
public sealed class JsonApi(Uri address, string? token, string? name = null) : IDisposable
{
    private readonly HttpClient http = Client(address, token);

    public Uri Address => address;
    public string Name => name ?? address.ToString();

    public Task<JsonAnswer> Get(string path) => Send(HttpMethod.Get, path);
    public Task<JsonAnswer> Post(string path, object body) => Send(HttpMethod.Post, path, body);
    public Task<JsonAnswer> Put(string path, object body) => Send(HttpMethod.Put, path, body);
    public Task<JsonAnswer> Delete(string path) => Send(HttpMethod.Delete, path);

    /// <summary>Any call; the body is sent as JSON with camelCase names, as the services read them.</summary>
    public Task<JsonAnswer> Send(HttpMethod method, string path, object? body = null) =>
        Answer(method, path, body is null ? null : JsonContent.Create(body));

    /// <summary>A body sent exactly as written, e.g. JSON that does not parse.</summary>
    public Task<JsonAnswer> SendText(HttpMethod method, string path, string body) =>
        Answer(method, path, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Something another service learns through the broker: null while it is 404; any other failure throws.</summary>
    public async Task<JsonObject?> Find(string path)
    {
        var answer = await Get(path);
        return answer.Status == HttpStatusCode.NotFound ? null : answer.EnsureSuccess().Json;
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonAnswer> Answer(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            throw new ServiceDidNotAnswer(Name, $"{method} {new Uri(address, path)}: {e.Message}", e);
        }
        using var _ = response;
        return new JsonAnswer($"{method} {path}", response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.RetryAfter?.Delta);
    }

    private static HttpClient Client(Uri address, string? token)
    {
        var client = new HttpClient { BaseAddress = address };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public static class MustSucceed
{
    /// <summary>The JSON answer of a call that must succeed; otherwise <see cref="JsonCallFailed"/>, with the status and body.</summary>
    public static async Task<JsonObject> Ok(this Task<JsonAnswer> call) => (await call).EnsureSuccess().Json;
}
