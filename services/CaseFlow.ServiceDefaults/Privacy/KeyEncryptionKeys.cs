using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// The keys that wrap the subjects' data keys, from configuration (never the database): <c>PersonalData:KeyEncryptionKeys:&lt;id&gt;</c>
/// holds each secret, <c>PersonalData:CurrentKeyEncryptionKey</c> names the one new keys are wrapped under. Rotating it
/// is adding a new id, making it current, and keeping the old one until every service has rewrapped its keys (at start).
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const string Section = "PersonalData:KeyEncryptionKeys";
    public const string CurrentSetting = "PersonalData:CurrentKeyEncryptionKey";
    private const int TagBytes = 16;
    private const int NonceBytes = 12;

    private readonly Dictionary<string, byte[]> keys;

    public KeyEncryptionKeys(IReadOnlyDictionary<string, string> secrets, string current)
    {
        if (!secrets.ContainsKey(current)) throw new InvalidOperationException($"{CurrentSetting} names '{current}', which {Section} does not hold");
        foreach (var (id, secret) in secrets)
            if (Encoding.UTF8.GetByteCount(secret) < 32)
                throw new InvalidOperationException($"{Section}:{id} must be at least 32 characters");
        keys = secrets.ToDictionary(s => s.Key, s => SHA256.HashData(Encoding.UTF8.GetBytes(s.Value)));
        Current = current;
    }

    public string Current { get; }

    public bool Holds(string id) => keys.ContainsKey(id);

    /// <summary>
    /// An installation that signs its own development tokens may leave them out: one is then derived from the
    /// development signing key (outside the database, in .caseflow/). With an OIDC authority they must be set.
    /// </summary>
    public static KeyEncryptionKeys FromConfiguration(IConfiguration config)
    {
        var secrets = config.GetSection(Section).GetChildren()
            .Where(c => !string.IsNullOrEmpty(c.Value)).ToDictionary(c => c.Key, c => c.Value!);
        if (secrets.Count > 0) return new KeyEncryptionKeys(secrets, config[CurrentSetting] ?? secrets.Keys.Single());
        if (DevelopmentSecret.From(config, "caseflow key encryption key") is { } derived)
            return new KeyEncryptionKeys(new Dictionary<string, string> { ["development"] = derived }, "development");
        throw new InvalidOperationException(
            $"{Section} is not set: give each service a key-encrypting secret of at least 32 characters, kept outside the database " +
            "(losing it loses every person's data; leaking it together with a database copy discloses it)");
    }

    public byte[] Wrap(Guid subject, byte[] dataKey, out string kekId)
    {
        kekId = Current;
        var wrapped = new byte[NonceBytes + TagBytes + dataKey.Length];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceBytes));
        using var aes = new AesGcm(keys[Current], TagBytes);
        aes.Encrypt(wrapped.AsSpan(0, NonceBytes), dataKey, wrapped.AsSpan(NonceBytes + TagBytes), wrapped.AsSpan(NonceBytes, TagBytes),
            subject.ToByteArray());
        return wrapped;
    }

    public byte[] Unwrap(Guid subject, string kekId, byte[] wrapped)
    {
        if (!keys.TryGetValue(kekId, out var kek))
            throw new InvalidOperationException($"a data key is wrapped under key-encrypting key '{kekId}', which {Section} no longer holds");
        var dataKey = new byte[wrapped.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(kek, TagBytes);
        aes.Decrypt(wrapped.AsSpan(0, NonceBytes), wrapped.AsSpan(NonceBytes + TagBytes), wrapped.AsSpan(NonceBytes, TagBytes), dataKey,
            subject.ToByteArray());
        return dataKey;
    }
}

/// <summary>Secrets derived from the development signing key, for an installation without an OIDC authority.</summary>
public static class DevelopmentSecret
{
    public static string? From(IConfiguration config, string purpose) =>
        config["Auth:Authority"] is not { Length: > 0 } && config["Auth:SigningKey"] is { Length: >= 32 } signingKey
            ? Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(purpose)))
            : null;
}
