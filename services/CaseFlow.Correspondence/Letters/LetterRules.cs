
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

    /// <summary>Operators record what happened days ago, but never before what it follows.</summary>
    public static void EnsureNotBefore(DateTimeOffset occurredAt, DateTimeOffset earliest, string what)
    {
        if (occurredAt < earliest)
            throw new InvalidInput("occurredAt", $"{occurredAt:O} is before {what} ({earliest:O})");
    }
}
