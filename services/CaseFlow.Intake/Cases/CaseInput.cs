using System.Globalization;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using Google.Protobuf.WellKnownTypes;
using ApiPlace = CaseFlow.Intake.Api.V1.Place;

namespace CaseFlow.Intake.Cases;

/// <summary>The shape checks every case command shares; each problem names its JSON field.</summary>
public static class CaseInput
{
    /// <summary>Clients' clocks drift; a business time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    public const int MaxText = 4000;
    public const int MaxName = 200;

    public static StreamCommand Target(InputCheck check, string operation, string caseId, string requestId,
        bool hasExpectedVersion, long expectedVersion) =>
        new(operation, "case", check.Id(caseId, "caseId"), StreamCommand.Version(hasExpectedVersion, expectedVersion, check),
            string.IsNullOrWhiteSpace(requestId) ? null : requestId.Trim());

    public static DateTimeOffset BusinessTime(InputCheck check, Timestamp? at, DateTimeOffset now)
    {
        var time = at?.ToDateTimeOffset() ?? now;
        check.That(time <= now + ClockSkew, "occurredAt", $"{time:O} is in the future");
        return time;
    }

    public static DateOnly? Date(InputCheck check, string? value, string field, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) check.Add(field, "a date (YYYY-MM-DD) is required");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        check.Add(field, $"'{value}' is not a date (YYYY-MM-DD)");
        return null;
    }

    public static Place? Place(InputCheck check, ApiPlace? place, string field, bool required = false)
    {
        if (place is null || (string.IsNullOrWhiteSpace(place.Country) && string.IsNullOrWhiteSpace(place.City)))
        {
            if (required) check.Add(field, "a country and city are required");
            return null;
        }
        check.Required(place.Country, $"{field}.country", "the country").MaxLength(place.Country, MaxName, $"{field}.country");
        check.MaxLength(place.City, MaxName, $"{field}.city");
        return new Place(place.Country.Trim(), place.City.Trim());
    }

    public static string Text(InputCheck check, string? value, string field, string what, bool required = true)
    {
        if (required) check.Required(value, field, what);
        check.MaxLength(value, MaxText, field);
        return value?.Trim() ?? "";
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Rules every command on an existing case obeys.</summary>
public static class CaseRules
{
    public static void EnsureOpen(Case state)
    {
        if (state.Status == CaseStatus.Closed)
            throw new RuleViolated($"case {state.Id} is closed; only ReopenCase is accepted");
    }

    /// <summary>Facts of a case happen after it was opened (facts about the past by nature carry their own dates).</summary>
    public static void EnsureNotBeforeOpening(Case state, DateTimeOffset occurredAt)
    {
        if (occurredAt < state.OpenedAt)
            throw new InvalidInput("occurredAt", $"{occurredAt:O} is before the case was opened ({state.OpenedAt:O})");
    }

    public static void EnsureOpenAt(Case state, DateTimeOffset occurredAt)
    {
        EnsureOpen(state);
        EnsureNotBeforeOpening(state, occurredAt);
    }
}
