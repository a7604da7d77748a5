using System.Security.Cryptography;
using System.Text;
using CaseFlow.ServiceDefaults.EventStore;
using JasperFx.Events;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// Tamper evidence: each event's hash covers the previous event's hash and the event's type, data, business
/// time and actor. Altering, reordering or deleting a stored event breaks the chain from that event on.
/// </summary>
public static class HashChain
{
    public const string HashHeader = "caseflow-hash";
    public const string Genesis = "genesis";

    public static string Link(string previousHash, string eventType, string dataJson, DateTimeOffset? occurredAt,
        string? user, string? role, string? center)
    {
        // JSON escapes line breaks inside strings, so a newline cannot be forged across fields.
        var content = string.Join('\n', previousHash, eventType, occurredAt?.ToUniversalTime().ToString("O") ?? "",
            user ?? "", role ?? "", center ?? "", dataJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The business time of a domain event: every CaseFlow event carries it as OccurredAt.</summary>
    public static DateTimeOffset? OccurredAt(object data) =>
        data.GetType().GetProperty("OccurredAt")?.GetValue(data) as DateTimeOffset?;

    public static string? StoredHash(IEvent e) => e.GetHeader(HashHeader)?.ToString();

    public static string? Role(IEvent e) => e.GetHeader(EventSessions.RoleHeader)?.ToString();

    public static string? Center(IEvent e) => e.GetHeader(EventSessions.CenterHeader)?.ToString();
}
