using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// Collects every problem of a request, so the caller learns all of them at once; each problem names its JSON field.
/// The shapes every service shares (business time, calendar dates, words from a list, free text) are checked here,
/// the same way in all of them.
/// </summary>
public sealed class InputCheck
{
    /// <summary>Clients' clocks drift; a business time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    public static readonly DateTimeOffset EarliestBusinessTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int MaxText = 4000;

    private readonly List<FieldProblem> problems = [];

    /// <summary>When the fact happened, as the operator says (may be days ago); now when not given; never in the future.</summary>
    public DateTimeOffset BusinessTime(Timestamp? given, DateTimeOffset now, string field = "occurredAt")
    {
        var time = given?.ToDateTimeOffset() ?? now;
        That(time <= now + ClockSkew, field, $"{time:O} is in the future");
        That(time >= EarliestBusinessTime, field, $"{time:O} is before {EarliestBusinessTime:yyyy-MM-dd}");
        return time;
    }

    /// <summary>A calendar day, YYYY-MM-DD; null when not given (a problem when <paramref name="required"/>).</summary>
    public DateOnly? Date(string? value, string field, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "a date (YYYY-MM-DD) is required");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Add(field, $"'{value}' is not a date (YYYY-MM-DD)");
        return null;
    }

    /// <summary>Free text, trimmed; required when <paramref name="requiredWhat"/> names what it is.</summary>
    public string Text(string? value, string field, string? requiredWhat = null, int max = MaxText)
    {
        var text = value?.Trim() ?? "";
        if (requiredWhat is not null) Required(text, field, requiredWhat);
        MaxLength(text, max, field);
        return text;
    }

    /// <summary>Free text that may be left out: null when empty.</summary>
    public string? OptionalText(string? value, string field, int max = MaxText) =>
        Text(value, field, requiredWhat: null, max) is { Length: > 0 } text ? text : null;

    /// <summary>One word of a closed list (a channel, a plan, a language).</summary>
    public string OneOf(string? value, IReadOnlyCollection<string> words, string field, string what)
    {
        var word = value?.Trim() ?? "";
        var choices = string.Join(", ", words);
        if (word.Length == 0) Add(field, $"{what} is required; use one of: {choices}");
        else if (!words.Contains(word)) Add(field, $"unknown {what} '{word}'; use one of: {choices}");
        return word;
    }

    public InputCheck Required(string? value, string field, string? what = null)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what ?? "a value"} is required");
        return this;
    }

    public InputCheck MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max) Add(field, $"must be at most {max} characters");
        return this;
    }

    public InputCheck That(bool condition, string field, string problem)
    {
        if (!condition) Add(field, problem);
        return this;
    }

    public Guid Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "is required"); return Guid.Empty; }
        if (!Guid.TryParse(value, out var id) || id == Guid.Empty) { Add(field, $"'{value}' is not a valid id"); return Guid.Empty; }
        return id;
    }

    public bool HasProblem(string field) => problems.Any(p => p.Field == field);

    public void Add(string field, string problem) => problems.Add(new FieldProblem(field, problem));

    public void ThrowIfAny()
    {
        if (problems.Count > 0) throw new InvalidInput(problems.ToList());
    }
}
