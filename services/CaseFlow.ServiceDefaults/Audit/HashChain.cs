using System.Security.Cryptography;
using System.Text;
using CaseFlow.ServiceDefaults.EventStore;
using JasperFx.Events;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// Tamper evidence: each event's hash covers the previous event's hash and the event's type, data, business
/// time and actor. Altering, reordering or deleting a stored event breaks the chain from that event on. The hashes
/// are keyed (HMAC-SHA-256) with a key that lives in configuration, not in the database: someone who can write the
/// database cannot recompute a valid chain after editing it, and each stream's head is sealed with the same key
/// (<see cref="StreamHead"/>) so that removing the last events is caught too.
/// </summary>
public sealed class HashChain
{
    public const string HashHeader = "caseflow-hash";
    public const string Genesis = "genesis";
    public const string KeySetting = "Audit:ChainKey";

    private readonly byte[] key;

    public HashChain(string secret)
    {
        if (Encoding.UTF8.GetByteCount(secret) < 32)
            throw new InvalidOperationException($"{KeySetting} must be at least 32 characters");
        key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>
    /// The chain key from <c>Audit:ChainKey</c>. An installation that signs its own development tokens (no OIDC
    /// authority) may leave it out: the key is then derived from the development signing key, which also lives outside
    /// the database (.caseflow/). With an OIDC authority it must be set.
    /// </summary>
    public static HashChain FromConfiguration(IConfiguration config)
    {
        if (config[KeySetting] is { Length: > 0 } secret) return new HashChain(secret);
        if (config["Auth:Authority"] is not { Length: > 0 } && config["Auth:SigningKey"] is { Length: >= 32 } signingKey)
            return new HashChain(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), "caseflow chain key"u8)));
        throw new InvalidOperationException(
            $"{KeySetting} is not set: give every service the same secret of at least 32 characters, kept outside the database " +
            "(it seals the event history; losing it makes verification fail, leaking it lets a database writer forge history)");
    }

    public string Link(string previousHash, string eventType, string dataJson, DateTimeOffset? occurredAt,
        string? user, string? role, string? center)
    {
        // JSON escapes line breaks inside strings, so a newline cannot be forged across fields.
        var content = string.Join('\n', previousHash, eventType, occurredAt?.ToUniversalTime().ToString("O") ?? "",
            user ?? "", role ?? "", center ?? "", dataJson);
        return Mac(content);
    }

    /// <summary>The seal of a stream's head: its id, last version and that event's hash.</summary>
    public string SealHead(Guid streamId, long version, string hash) => Mac($"head\n{streamId:N}\n{version}\n{hash}");

    private string Mac(string content) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(content)));

    /// <summary>The business time of a domain event: every CaseFlow event carries it as OccurredAt.</summary>
    public static DateTimeOffset? OccurredAt(object data) =>
        data.GetType().GetProperty("OccurredAt")?.GetValue(data) as DateTimeOffset?;

    public static string? StoredHash(IEvent e) => e.GetHeader(HashHeader)?.ToString();

    public static string? Role(IEvent e) => e.GetHeader(EventSessions.RoleHeader)?.ToString();

    public static string? Center(IEvent e) => e.GetHeader(EventSessions.CenterHeader)?.ToString();
}

/// <summary>
/// The sealed head of one stream, stored beside the events and rewritten with every commit: the version it reached and
/// the hash of its last event, sealed with the chain key. A database writer can delete it, or put back an older one
/// they kept, but cannot make a new one: truncation is caught against it, a roll-back only against an exported checkpoint.
/// </summary>
public sealed record StreamHead(Guid Id, long Version, string Hash, string Seal, DateTimeOffset SealedAt);
