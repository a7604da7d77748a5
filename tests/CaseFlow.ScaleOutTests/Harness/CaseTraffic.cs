using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Access;
using CaseFlow.Testing.Processes;

namespace CaseFlow.ScaleOutTests.Harness;

/// <summary>
/// Operators' traffic through the gateway's public ports (so through either instance): each case opened with a
/// separated son and consent, a letter drafted to the consulate, and the child seated on one of a few flights once
/// its reunification file is there. A call refused because an instance is gone (502/503, a dropped connection) or
/// colliding with a consumer's write (409) is sent again with the same request id: it must not apply twice.
/// </summary>
public sealed class CaseTraffic(GatewayProcess gateway, string signingKey, ConcurrentBag<Guid> opened) : IDisposable
{
    private static readonly TimeSpan RetryLimit = TimeSpan.FromSeconds(120);
    private readonly string token = DevelopmentTokens.Issue(signingKey, "scaleout-supervisor", CallerRoles.Supervisor, null, TimeSpan.FromHours(2));
    private readonly Dictionary<string, HttpClient> clients = [];
    private readonly List<string> flights = [];
    private int retries;

    /// <summary>Cases opened, by this traffic and any other of the same system.</summary>
    public ConcurrentBag<Guid> Opened => opened;
    public int OpenedHere => openedHere;
    private int openedHere;
    public int Letters => letters;
    public int Seats => seats;
    public int Retries => retries;
    private int letters, seats;

    /// <summary>Flights with room for every child of the run.</summary>
    public async Task ScheduleFlights(int count, int capacity)
    {
        for (var i = 0; i < count; i++)
            flights.Add((await Send("reunification", "/v1/flights", new
            {
                requestId = Guid.NewGuid().ToString(), occurredAt = "2020-06-28T12:00:00Z",
                number = $"KG-{Random.Shared.Next(100000, 999999)}", from = "Moscow", to = "Osh", date = "2020-07-04", capacity,
            }))["flightId"]!.GetValue<string>());
    }

    /// <summary>Runs <paramref name="count"/> cases end to end, <paramref name="concurrency"/> at a time.</summary>
    public Task Run(int count, int concurrency, CancellationToken ct = default) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, _) => await OneCase(i));

    private async Task OneCase(int i)
    {
        var opened = await Send("intake", "/v1/cases", new
        {
            requestId = Id(), centerId = "kara-suu", category = "family-separation", applicantName = "Alima", occurredAt = "2020-04-02T09:00:00Z",
        });
        var caseId = Guid.Parse(opened["caseId"]!.GetValue<string>());
        Opened.Add(caseId);
        Interlocked.Increment(ref openedHere);
        var c = $"/v1/cases/{caseId}";
        await Send("intake", $"{c}/family", new
        {
            requestId = Id(), occurredAt = "2020-04-02T09:40:00Z",
            member = new { memberId = "son-1", relationship = "son", fullName = "Aibek", birthDate = "2018-01-10", location = new { country = "Russia", city = "Moscow" } },
        });
        await Send("intake", $"{c}/family/son-1/separation", new
        {
            requestId = Id(), occurredAt = "2020-04-02T09:45:00Z", location = new { country = "Russia", city = "Moscow" }, separatedSince = "2020-03-16",
        });
        await Send("intake", $"{c}/consents", new
        {
            requestId = Id(), occurredAt = "2020-04-02T10:40:00Z",
            agencyKinds = new[] { "consulate", "embassy", "ministry", "migration-service", "carrier", "service-provider", "other" },
            purpose = "tracing and return of the child",
        });

        await Eventually.True(async () => await Find("correspondence", $"{c}/correspondence") is not null, "the correspondence file", RetryLimit);
        await Send("correspondence", $"{c}/letters", new
        {
            requestId = Id(), occurredAt = "2020-04-20T10:00:00Z", agencyId = "ru-consulate-osh", kind = "information-request", language = "ru",
            subject = "Return of a child", body = "We ask for information on the return of the child.",
        });
        Interlocked.Increment(ref letters);

        await Eventually.True(async () => (await Find("reunification", $"{c}/reunification"))?["stage"]?.ToString() == "assessing",
            "the reunification file", RetryLimit);
        await Send("reunification", $"{c}/reunification/plan", new { requestId = Id(), occurredAt = "2020-05-20T09:00:00Z", plan = "child-travels-to-parent", reason = "the mother cannot travel" });
        await Send("reunification", $"{c}/reunification/consent", new { requestId = Id(), occurredAt = "2020-06-29T09:00:00Z", givenBy = "the mother" });
        foreach (var kind in new[] { "birth-certificate", "travel-document" })
            await Send("reunification", $"{c}/reunification/documents", new { requestId = Id(), occurredAt = "2020-06-30T09:00:00Z", kind });
        await Send("reunification", $"{c}/reunification/escort", new { requestId = Id(), occurredAt = "2020-07-01T09:00:00Z", escortName = "an aunt" });
        await Send("reunification", $"{c}/reunification/seat", new { requestId = Id(), occurredAt = "2020-07-01T10:00:00Z", flightId = flights[i % flights.Count] });
        Interlocked.Increment(ref seats);
    }

    private async Task<JsonObject?> Find(string service, string path)
    {
        try
        {
            using var response = await Client(service).GetAsync(path);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    private async Task<JsonObject> Send(string service, string path, object body)
    {
        var deadline = DateTime.UtcNow + RetryLimit;
        while (true)
        {
            try
            {
                using var response = await Client(service).PostAsJsonAsync(path, body);
                if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                if (response.StatusCode is not (HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway
                    or HttpStatusCode.GatewayTimeout or HttpStatusCode.Conflict))
                    throw new InvalidOperationException($"POST {service} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"POST {service} {path} kept failing for {RetryLimit.TotalSeconds:0} s");
            Interlocked.Increment(ref retries);
            await Task.Delay(200);
        }
    }

    private HttpClient Client(string service)
    {
        lock (clients)
        {
            if (clients.TryGetValue(service, out var client)) return client;
            client = new HttpClient { BaseAddress = gateway.HttpOf(service), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return clients[service] = client;
        }
    }

    private static string Id() => Guid.NewGuid().ToString();

    public void Dispose()
    {
        foreach (var client in clients.Values) client.Dispose();
    }
}
