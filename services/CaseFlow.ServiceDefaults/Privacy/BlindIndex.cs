using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// Search over encrypted names: keyed hashes (HMAC-SHA-256 under <c>PersonalData:IndexKey</c>, kept outside the
/// database) of a normalised value and of its 1-, 2- and 3-letter pieces. Without the key the terms reveal nothing to
/// guess from; with it they find a substring (a query's pieces are all present), and a candidate is then confirmed on
/// the decrypted value. The terms live in projections only, never in events: erasure removes them.
/// </summary>
public sealed class BlindIndex
{
    public const string KeySetting = "PersonalData:IndexKey";
    private const int GramLength = 3;
    private readonly byte[] key;

    public BlindIndex(string secret)
    {
        if (Encoding.UTF8.GetByteCount(secret) < 32) throw new InvalidOperationException($"{KeySetting} must be at least 32 characters");
        key = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    public static BlindIndex FromConfiguration(IConfiguration config) =>
        config[KeySetting] is { Length: > 0 } secret ? new BlindIndex(secret)
        : DevelopmentSecret.From(config, "caseflow blind index key") is { } derived ? new BlindIndex(derived)
        : throw new InvalidOperationException($"{KeySetting} is not set: give Intake a secret of at least 32 characters, kept outside the database");

    /// <summary>The term for an exact value (a duplicate check on name and birth date).</summary>
    public string Exact(string normalized) => Term("=" + normalized);

    /// <summary>Every term a stored value is found by.</summary>
    public IReadOnlyList<string> Terms(string normalized)
    {
        var terms = new HashSet<string>();
        for (var length = 1; length <= GramLength; length++)
            for (var start = 0; start + length <= normalized.Length; start++)
                terms.Add(Term(normalized.Substring(start, length)));
        return [.. terms.Order(StringComparer.Ordinal)];
    }

    /// <summary>The terms a stored value must all have to contain the query (then confirmed on the plain value).</summary>
    public IReadOnlyList<string> QueryTerms(string normalized)
    {
        if (normalized.Length <= GramLength) return [Term(normalized)];
        var terms = new HashSet<string>();
        for (var start = 0; start + GramLength <= normalized.Length; start++) terms.Add(Term(normalized.Substring(start, GramLength)));
        return [.. terms];
    }

    /// <summary>Truncated to 66 bits: collisions only add candidates, which the plain value then rules out.</summary>
    private string Term(string piece) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(piece)))[..11].Replace('+', '-').Replace('/', '_');
}
