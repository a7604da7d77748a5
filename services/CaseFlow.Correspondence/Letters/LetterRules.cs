using CaseFlow.ServiceDefaults.Privacy.Consent;

namespace CaseFlow.Correspondence.Letters;

/// <summary>Rules every letter decision shares.</summary>
public static class LetterRules
{
    public static Letter Find(this CorrespondenceFile file, Guid letterId) =>
        file.Letters.TryGetValue(letterId, out var letter)
            ? letter
            : throw new NotFound($"letter {letterId} is not in the correspondence file of case {file.Id}");

    public static void EnsureOpen(this CorrespondenceFile file, string action)
    {
        if (file.Closed) throw new RuleViolated($"the case {file.Id} is closed: no letter can be {action}");
    }

    public static void EnsureNotWithdrawn(this Letter letter)
    {
        if (letter.Status == LetterStatus.Withdrawn)
            // Not the reason itself: an error message is no place for personal data.
            throw new RuleViolated($"letter {letter.Id} was withdrawn: it can no longer change");
    }

    /// <summary>
    /// A letter discloses the person's data to its agency: a consent in force at the letter's business time must cover
    /// the kind of agency, or it is refused (FAILED_PRECONDITION naming the missing consent).
    /// </summary>
    /// <param name="kindInDirectory">The agency's kind as the directory says now, for letters drafted before their kind was kept.</param>
    public static SharingConsent RequireConsent(this CorrespondenceFile file, Letter letter, string? kindInDirectory, DateTimeOffset at)
    {
        var kind = letter.AgencyKind ?? kindInDirectory ?? throw new RuleViolated(
            $"agency {letter.AgencyId} is no longer in the directory: the kind of agency a consent must cover is unknown");
        return file.Consents.Require(kind, at, $"the letter to {letter.AgencyName}");
    }

    /// <summary>Operators record what happened days ago, but never before what it follows.</summary>
    public static void EnsureNotBefore(DateTimeOffset occurredAt, DateTimeOffset earliest, string what)
    {
        if (occurredAt < earliest)
            throw new InvalidInput("occurredAt", $"{occurredAt:O} is before {what} ({earliest:O})");
    }
}
