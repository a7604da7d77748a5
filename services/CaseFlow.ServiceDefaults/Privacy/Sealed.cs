namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>A personal value with the data subjects whose keys it is encrypted under.</summary>
public interface ISealed
{
    IReadOnlyList<Guid> Subjects { get; }

    /// <summary>The stored ciphertext, once the value has been stored or read back; null while it exists only in memory.</summary>
    string? Cipher { get; }

    /// <summary>A key of one of its subjects is gone: the value can never be read again.</summary>
    bool IsErased { get; }
}

/// <summary>
/// A personal value in an event or a document. In memory it is plain (or erased); wherever it is serialized — the event
/// table, a snapshot, the hash chain — it is ciphertext under the keys of its subjects (<see cref="SealedJsonConverter"/>).
/// A value that names several people (a letter about a mother and her son) is sealed under all their keys: erasing
/// any one of them erases it.
/// </summary>
public sealed class Sealed<T> : ISealed, IEquatable<Sealed<T>>
{
    internal Sealed(IReadOnlyList<Guid> subjects, T? value, string? cipher, bool erased)
    {
        Subjects = subjects;
        Value = value;
        Cipher = cipher;
        IsErased = erased;
    }

    public IReadOnlyList<Guid> Subjects { get; }

    /// <summary>The plain value; default when erased.</summary>
    public T? Value { get; }

    public string? Cipher { get; internal set; }

    /// <summary>Read back from a value stored plain (encryption was off): written back plain, so its hash still matches.</summary>
    internal bool StoredPlain { get; init; }

    /// <summary>
    /// Written before personal data was sealed (a bare value, no subjects): read as it is and written back as it was, so
    /// its event's hash still matches. It stays plain until migrated, and no erasure can shred it.
    /// </summary>
    internal bool Legacy { get; init; }

    public bool IsErased { get; }

    /// <summary>The value, or what to show in its place once it is erased.</summary>
    public T Or(T erased) => IsErased ? erased : Value!;

    /// <summary>Another value for the same people (a corrected name stays the applicant's).</summary>
    public Sealed<TOther> With<TOther>(TOther value) => new(Subjects, value, null, false);

    /// <summary>Same people, same plain value: what a command compares to find that nothing changed.</summary>
    public bool Equals(Sealed<T>? other) =>
        other is not null && Subjects.SequenceEqual(other.Subjects) && IsErased == other.IsErased
        && (IsErased ? Cipher == other.Cipher : EqualityComparer<T?>.Default.Equals(Value, other.Value));

    public override bool Equals(object? obj) => obj is Sealed<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Subjects.Count > 0 ? Subjects[0] : Guid.Empty, IsErased ? 0 : Value?.GetHashCode() ?? 0);

    /// <summary>Never the value itself: a sealed value that reaches a log or an exception message says only whose it is.</summary>
    public override string ToString() => $"[personal data of {string.Join(", ", Subjects)}]";
}

public static class Sealed
{
    /// <summary>What an API shows where an erased value was.</summary>
    public const string ErasedText = "[erased]";

    public static Sealed<T> For<T>(Guid subject, T value) => new([subject], value, null, false);

    /// <summary>A value that concerns several people; order does not matter.</summary>
    public static Sealed<T> For<T>(IEnumerable<Guid> subjects, T value)
    {
        var distinct = subjects.Distinct().Order().ToArray();
        if (distinct.Length == 0) throw new ArgumentException("a personal value belongs to at least one person", nameof(subjects));
        return new Sealed<T>(distinct, value, null, false);
    }

    /// <summary>The plain text, or <see cref="ErasedText"/>; empty for no value.</summary>
    public static string Shown(this Sealed<string>? value) => value is null ? "" : value.IsErased ? ErasedText : value.Value ?? "";

    internal static Sealed<T> Stored<T>(IReadOnlyList<Guid> subjects, T? value, string? cipher, bool erased) =>
        new(subjects, value, cipher, erased);
}
