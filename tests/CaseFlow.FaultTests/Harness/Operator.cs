using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Access;
using CaseFlow.Testing.Processes;

namespace CaseFlow.FaultTests.Harness;

/// <summary>
/// Operator traffic through Intake's JSON API, as a supervisor. A call that fails because a process or the database
/// is down is retried with the same request id, as a client should: the retry must not open the case twice.
/// </summary>
public sealed class Operator(ServiceProcesses services) : IDisposable
{
    private static readonly TimeSpan RetryLimit = TimeSpan.FromSeconds(90);
    private readonly HttpClient intake = Client(services, "intake");
    private readonly HttpClient reunification = Client(services, "reunification");
    private readonly HttpClient correspondence = Client(services, "correspondence");

    /// <summary>Every case this operator was told was opened.</summary>
    public ConcurrentBag<Guid> Opened { get; } = [];
    /// <summary>Calls answered with a failure and sent again.</summary>
    public int Retries => retries;
    private int retries;

    public async Task<Guid> OpenCase(string center = "kara-suu")
    {
        var json = await Send("/v1/cases", new
        {
            requestId = Guid.NewGuid().ToString(),
            centerId = center,
            category = "family-separation",
            applicantName = "Alima",
            occurredAt = "2020-04-02T09:00:00Z",
        });
        var id = Guid.Parse(json["caseId"]!.GetValue<string>());
        Opened.Add(id);
        return id;
    }

    /// <summary>Adds a son to the case and reports him separated: one FamilySeparationReported, which opens the reunification.</summary>
    public async Task ReportSeparation(Guid caseId)
    {
        await Send($"/v1/cases/{caseId}/family", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:40:00Z",
            member = new { memberId = "son-1", relationship = "son", fullName = "Aibek", birthDate = "2018-01-10", location = new { country = "Russia", city = "Moscow" } },
        });
        await Send($"/v1/cases/{caseId}/family/son-1/separation", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:45:00Z",
            location = new { country = "Russia", city = "Moscow" }, separatedSince = "2020-03-16",
        });
    }

    /// <summary>The person's consent to share their data with consulates (Intake publishes it; Correspondence notes it).</summary>
    public Task GiveConsent(Guid caseId) =>
        Send($"/v1/cases/{caseId}/consents", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:30:00Z", agencyKinds = new[] { "consulate" },
            purpose = "enquiries about the family's reunification",
        });

    /// <summary>Drafts an information request to the consulate in Osh (no approval needed); answers the letter's id.</summary>
    public async Task<Guid> DraftLetter(Guid caseId)
    {
        var json = await Send($"/v1/cases/{caseId}/letters", new
        {
            requestId = Guid.NewGuid().ToString(), agencyId = "ru-consulate-osh", language = "ru", kind = "information-request",
            subject = "О въезде", body = "Просим сообщить.",
        }, correspondence);
        return Guid.Parse(json["letterId"]!.GetValue<string>());
    }

    /// <summary>Sends a drafted letter now (reply due after the agency's usual time): Correspondence publishes LetterSent.</summary>
    public Task SendLetter(Guid caseId, Guid letterId) =>
        Send($"/v1/cases/{caseId}/letters/{letterId}/sending", new
        {
            requestId = Guid.NewGuid().ToString(), channel = "e-mail", outgoingReference = $"OUT-{letterId:N}"[..20],
        }, correspondence);

    /// <summary>Calls the reunification off (its file must be open): Reunification publishes ReunificationCancelled, Intake notes it.</summary>
    public Task CancelReunification(Guid caseId) =>
        Send($"/v1/cases/{caseId}/reunification/cancellation", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-03T10:00:00Z", reason = "the family reunited by itself",
        }, reunification);

    /// <summary>Adds a family member once, without an expected version; answers the HTTP status (409: a conflict reached the caller).</summary>
    public async Task<HttpStatusCode> TryAddMember(Guid caseId, string memberId)
    {
        using var response = await intake.PostAsJsonAsync($"/v1/cases/{caseId}/family", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-04-02T09:40:00Z",
            member = new { memberId, relationship = "son", fullName = "Aibek", birthDate = "2018-01-10", location = new { country = "Russia", city = "Moscow" } },
        });
        return response.StatusCode;
    }

    /// <summary>POSTs one request, sending it again with the same request id while a process or the database is down.</summary>
    private async Task<JsonObject> Send(string path, object body, HttpClient? to = null)
    {
        var deadline = DateTime.UtcNow + RetryLimit;
        while (true)
        {
            try
            {
                using var response = await (to ?? intake).PostAsJsonAsync(path, body);
                if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                if (response.StatusCode is not (HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable
                    or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout))
                    throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"POST {path} kept failing for 90 s");
            Interlocked.Increment(ref retries);
            await Task.Delay(200);
        }
    }

    /// <summary>Opens <paramref name="count"/> cases with <paramref name="concurrency"/> callers at once.</summary>
    public async Task<IReadOnlyList<Guid>> OpenCases(int count, int concurrency = 16)
    {
        var ids = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (_, _) => ids.Add(await OpenCase()));
        return [.. ids];
    }

    /// <summary>Readiness of one service: true when /health/ready answers 200.</summary>
    public async Task<bool> Ready(string service)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try { return (await probe.GetAsync(new Uri(services.HttpOf(service), "/health/ready"))).IsSuccessStatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }

    private static HttpClient Client(ServiceProcesses services, string name)
    {
        var token = DevelopmentTokens.Issue(services.SigningKey, "fault-supervisor", CallerRoles.Supervisor, null, TimeSpan.FromHours(2));
        var client = new HttpClient { BaseAddress = services.HttpOf(name), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose()
    {
        intake.Dispose();
        reunification.Dispose();
        correspondence.Dispose();
    }
}
