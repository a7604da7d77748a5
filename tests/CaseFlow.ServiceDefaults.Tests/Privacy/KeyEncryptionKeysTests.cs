using System.Security.Cryptography;
using CaseFlow.ServiceDefaults.Privacy;

namespace CaseFlow.ServiceDefaults.Tests.Privacy;

public sealed class KeyEncryptionKeysTests
{
    private static readonly string A = new('a', 32), B = new('b', 32);

    [Fact]
    public void A_data_key_unwraps_under_the_key_it_was_wrapped_under_for_the_same_subject_only()
    {
        var keks = new KeyEncryptionKeys(new Dictionary<string, string> { ["a"] = A }, "a");
        var (subject, dataKey) = (Guid.NewGuid(), RandomNumberGenerator.GetBytes(32));
        var wrapped = keks.Wrap(subject, dataKey, out var kekId);
        kekId.ShouldBe("a");
        keks.Unwrap(subject, kekId, wrapped).ShouldBe(dataKey);
        Should.Throw<CryptographicException>(() => keks.Unwrap(Guid.NewGuid(), kekId, wrapped));
    }

    [Fact]
    public void After_rotation_the_old_key_still_unwraps_and_without_it_the_error_names_it()
    {
        var subject = Guid.NewGuid();
        var wrapped = new KeyEncryptionKeys(new Dictionary<string, string> { ["a"] = A }, "a").Wrap(subject, new byte[32], out _);

        var rotated = new KeyEncryptionKeys(new Dictionary<string, string> { ["a"] = A, ["b"] = B }, "b");
        rotated.Unwrap(subject, "a", wrapped).ShouldBe(new byte[32]);
        rotated.Wrap(subject, new byte[32], out var current);
        current.ShouldBe("b");

        var retired = new KeyEncryptionKeys(new Dictionary<string, string> { ["b"] = B }, "b");
        Should.Throw<InvalidOperationException>(() => retired.Unwrap(subject, "a", wrapped)).Message.ShouldContain("'a'");
    }

    [Fact]
    public void A_current_key_not_configured_or_a_short_secret_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => new KeyEncryptionKeys(new Dictionary<string, string> { ["a"] = A }, "b"));
        Should.Throw<InvalidOperationException>(() => new KeyEncryptionKeys(new Dictionary<string, string> { ["a"] = "short" }, "a"));
    }
}
