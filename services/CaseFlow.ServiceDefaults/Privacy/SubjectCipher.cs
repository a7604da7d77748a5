using System.Security.Cryptography;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// AES-256-GCM under the data keys of a value's subjects. The nonce is derived from the key and the plaintext (a
/// synthetic IV): the same value under the same keys always seals to the same text, so a projection rebuilt from the
/// events is byte for byte the one written live, and a nonce is never reused for two different plaintexts. What that
/// reveals — that two stored values of the same person are equal — is accepted. The subjects are bound in as
/// associated data: a ciphertext moved to another person's record does not open.
/// </summary>
public sealed class SubjectCipher(SubjectKeys keys, bool encrypting)
{
    private const byte Format = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Off only for the benchmark's comparison: values are then stored plain, and erasure cannot shred them.</summary>
    public bool Encrypting => encrypting;

    public SubjectKeys Keys => keys;

    public string Seal(IReadOnlyList<Guid> subjects, ReadOnlySpan<byte> plaintext)
    {
        var key = ContentKey(subjects, keys.Required)!;
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, plaintext, mac);
        var sealedBytes = new byte[1 + NonceBytes + TagBytes + plaintext.Length];
        sealedBytes[0] = Format;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        mac[..NonceBytes].CopyTo(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes),
            AssociatedData(subjects));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext, or null when a subject's key is erased.</summary>
    public byte[]? Open(IReadOnlyList<Guid> subjects, string cipher)
    {
        var key = ContentKey(subjects, keys.Find);
        if (key is null) return null;
        var sealedBytes = Convert.FromBase64String(cipher);
        if (sealedBytes.Length < 1 + NonceBytes + TagBytes || sealedBytes[0] != Format)
            throw new CryptographicException("not a CaseFlow sealed value");
        var plaintext = new byte[sealedBytes.Length - 1 - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(1, NonceBytes), sealedBytes.AsSpan(1 + NonceBytes + TagBytes),
            sealedBytes.AsSpan(1 + NonceBytes, TagBytes), plaintext, AssociatedData(subjects));
        return plaintext;
    }

    /// <summary>One subject: its own key. Several: a key derived from all of theirs, so losing any one loses the value.</summary>
    private static byte[]? ContentKey(IReadOnlyList<Guid> subjects, Func<Guid, byte[]?> keyOf)
    {
        if (subjects.Count == 1) return keyOf(subjects[0]);
        var all = new byte[32 * subjects.Count];
        for (var i = 0; i < subjects.Count; i++)
        {
            if (keyOf(subjects[i]) is not { } key) return null;
            key.CopyTo(all, 32 * i);
        }
        return HMACSHA256.HashData(all, "caseflow content key"u8);
    }

    private static byte[] AssociatedData(IReadOnlyList<Guid> subjects) => subjects.SelectMany(s => s.ToByteArray()).ToArray();
}
