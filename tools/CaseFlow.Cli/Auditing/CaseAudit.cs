using System.Text.Json.Nodes;
using CaseFlow.Audit.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using AuditClient = CaseFlow.Audit.Api.V1.CaseAudit.CaseAuditClient;

namespace CaseFlow.Cli.Auditing;

/// <summary>Asks every service about the case and merges the answers into one report.</summary>
public static class CaseAudit
{
    public static async Task<JsonObject> Gather(ServiceEndpoints endpoints, Guid caseId, DateTimeOffset? asOf, DateTimeOffset? knownAt,
        bool verify, CancellationToken ct, JsonObject? checkpoint = null)
    {
        var timeline = new List<(DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, JsonObject Entry)>();
        var states = new JsonObject();
        var verifications = new JsonArray();
        var verified = true;
        foreach (var (name, address) in endpoints.Services)
        {
            using var channel = endpoints.Channel(address);
            var client = new AuditClient(channel);
            CaseHistory history;
            try
            {
                history = await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = caseId.ToString() }, endpoints.Authorization, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                continue;
            }
            foreach (var e in history.Events)
                timeline.Add((e.OccurredAt.ToDateTimeOffset(), e.RecordedAt.ToDateTimeOffset(), Entry(name, e)));

            if (asOf is not null || knownAt is not null)
            {
                var state = await client.GetCaseStateAtAsync(new GetCaseStateAtRequest
                {
                    CaseId = caseId.ToString(),
                    AsOf = asOf is { } a ? Timestamp.FromDateTimeOffset(a) : null,
                    KnownAt = knownAt is { } k ? Timestamp.FromDateTimeOffset(k) : null,
                }, endpoints.Authorization, cancellationToken: ct);
                states[name] = JsonNode.Parse(JsonFormatter.Default.Format(state));
            }
            if (verify)
            {
                var verification = new VerifyCaseRequest { CaseId = caseId.ToString() };
                if (CheckpointCommand.HeadOf(checkpoint, name, caseId) is { } head)
                    (verification.CheckpointVersion, verification.CheckpointHash) = head;
                var check = await client.VerifyCaseAsync(verification, endpoints.Authorization, cancellationToken: ct);
                verified &= check.Intact;
                verifications.Add(JsonNode.Parse(JsonFormatter.Default.Format(check)));
            }
        }
        var report = new JsonObject
        {
            ["caseId"] = caseId.ToString(),
            ["timeline"] = new JsonArray(timeline.OrderBy(t => t.OccurredAt).ThenBy(t => t.RecordedAt).Select(t => (JsonNode)t.Entry).ToArray()),
        };
        if (states.Count > 0) report["states"] = states;
        if (verify)
        {
            report["verifications"] = verifications;
            report["verified"] = verified;
        }
        return report;
    }

    private static JsonObject Entry(string service, HistoryEvent e) => new()
    {
        ["occurredAt"] = e.OccurredAt.ToDateTimeOffset().ToString("O"),
        ["recordedAt"] = e.RecordedAt.ToDateTimeOffset().ToString("O"),
        ["service"] = service,
        ["version"] = e.Version,
        ["type"] = e.Type,
        ["user"] = e.User,
        ["role"] = e.Role,
        ["data"] = JsonNode.Parse(JsonFormatter.Default.Format(e.Data)),
    };
}
