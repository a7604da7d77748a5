using CaseFlow.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Correspondence.Letters;

/// <summary>Shape checks shared by the letter commands; each problem names its field.</summary>
public static class LetterInput
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;
    public const int MaxTextLength = 2_000;
    public const int MaxReferenceLength = 100;
    /// <summary>Clients' clocks drift; a business time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public static DateTimeOffset BusinessTime(this InputCheck check, Timestamp? given, DateTimeOffset now, string field = "occurredAt")
    {
        var occurredAt = given?.ToDateTimeOffset() ?? now;
        check.That(occurredAt <= now + ClockSkew, field, $"{occurredAt:O} is in the future");
        return occurredAt;
    }

    public static DateOnly? OptionalDay(this InputCheck check, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var day)) return day;
        check.Add(field, $"'{value}' is not a date (YYYY-MM-DD)");
        return null;
    }

    public static string Word(this InputCheck check, string? value, IReadOnlyList<string> words, string field, string what)
    {
        var word = (value ?? "").Trim();
        if (word.Length == 0) check.Add(field, $"{what} is required; use one of: {Vocabulary.OneOf(words)}");
        else if (!words.Contains(word)) check.Add(field, $"unknown {what} '{word}'; use one of: {Vocabulary.OneOf(words)}");
        return word;
    }

    public static string Text(this InputCheck check, string? value, int max, string field, string? requiredWhat = null)
    {
        var text = (value ?? "").Trim();
        if (requiredWhat is not null) check.Required(text, field, requiredWhat);
        check.MaxLength(text, max, field);
        return text;
    }
}
