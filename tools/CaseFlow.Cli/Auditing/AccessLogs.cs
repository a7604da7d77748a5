using System.Text.Json.Nodes;
using CaseFlow.Audit.Api.V1;
using Google.Protobuf.WellKnownTypes;
using AuditClient = CaseFlow.Audit.Api.V1.CaseAudit.CaseAuditClient;

namespace CaseFlow.Cli.Auditing;

/// <summary>Whose reads to list: one case, one user, or everyone within a period (from/to narrow the first two as well).</summary>
public sealed record AccessQuery(Guid? CaseId, string? User, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Asks every service for its access log, page after page, and merges the reads into one list by time.</summary>
public static class AccessLogs
{
    private const int PageSize = 1000;

    public static async Task<JsonArray> Gather(ServiceEndpoints endpoints, AccessQuery query, CancellationToken ct)
    {
        var reads = new List<(DateTimeOffset At, string Service, long Sequence, JsonObject Entry)>();
        foreach (var (name, address) in endpoints.Services)
        {
            using var channel = endpoints.Channel(address);
            var client = new AuditClient(channel);
            long after = 0;
            do
            {
                var page = await Page(client, endpoints, query, after, ct);
                foreach (var e in page.Entries)
                {
                    var at = e.ReadAt.ToDateTimeOffset();
                    if (query.From is { } from && at < from || query.To is { } to && at >= to) continue;
                    reads.Add((at, name, e.Sequence, Entry(name, e)));
                }
                after = page.NextAfter;
            } while (after > 0);
        }
        return new JsonArray(reads.OrderBy(r => r.At).ThenBy(r => r.Service).ThenBy(r => r.Sequence).Select(r => (JsonNode)r.Entry).ToArray());
    }

    private static Task<AccessLogPage> Page(AuditClient client, ServiceEndpoints endpoints, AccessQuery query, long after, CancellationToken ct)
    {
        var (from, to) = (Time(query.From), Time(query.To));
        if (query.CaseId is { } caseId)
            return client.ListCaseAccessAsync(new ListCaseAccessRequest { CaseId = caseId.ToString(), PageSize = PageSize, After = after },
                endpoints.Authorization, cancellationToken: ct).ResponseAsync;
        if (query.User is { } user)
            return client.ListUserAccessAsync(new ListUserAccessRequest { User = user, From = from, To = to, PageSize = PageSize, After = after },
                endpoints.Authorization, cancellationToken: ct).ResponseAsync;
        return client.ListAccessInPeriodAsync(new ListAccessInPeriodRequest { From = from, To = to, PageSize = PageSize, After = after },
            endpoints.Authorization, cancellationToken: ct).ResponseAsync;
    }

    private static Timestamp? Time(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    private static JsonObject Entry(string service, AccessLogEntry e) => new()
    {
        ["readAt"] = e.ReadAt.ToDateTimeOffset().ToString("O"),
        ["service"] = service,
        ["caseId"] = e.CaseId,
        ["user"] = e.User,
        ["role"] = e.Role,
        ["center"] = e.Center,
        ["call"] = e.Call,
        ["purpose"] = e.Purpose,
        ["readId"] = e.ReadId,
        ["version"] = e.Version,
        ["hash"] = e.Hash,
    };
}
