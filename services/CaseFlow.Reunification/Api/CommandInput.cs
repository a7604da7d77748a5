using CaseFlow.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Reunification.Api;

/// <summary>Shapes shared by every command: business time, calendar dates, free text.</summary>
public static class CommandInput
{
    /// <summary>Clients' clocks drift; a business time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    public static readonly DateTimeOffset EarliestBusinessTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 200;

    public static DateTimeOffset OccurredAt(this InputCheck check, Timestamp? given, DateTimeOffset now)
    {
        var occurredAt = given?.ToDateTimeOffset() ?? now;
        check.That(occurredAt <= now + ClockSkew, "occurredAt", $"{occurredAt:O} is in the future");
        check.That(occurredAt >= EarliestBusinessTime, "occurredAt", $"{occurredAt:O} is before {EarliestBusinessTime:yyyy-MM-dd}");
        return occurredAt;
    }

    public static string Text(this InputCheck check, string? value, string field, string what, int max = MaxTextLength)
    {
        var text = value?.Trim() ?? "";
        check.Required(text, field, what).MaxLength(text, max, field);
        return text;
    }

    public static string? OptionalText(this InputCheck check, string? value, string field, int max = MaxTextLength)
    {
        var text = value?.Trim();
        check.MaxLength(text, max, field);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static string OneOf(this InputCheck check, string? value, IReadOnlyCollection<string> allowed, string field)
    {
        var text = value?.Trim() ?? "";
        check.That(allowed.Contains(text), field,
            text.Length == 0 ? $"is required: one of {string.Join(", ", allowed)}" : $"unknown '{text}'; use one of: {string.Join(", ", allowed)}");
        return text;
    }
}
