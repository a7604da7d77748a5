using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Calendar;

/// <summary>Where a center is: its register code, its country (whose holidays it keeps) and its IANA time zone.</summary>
public sealed record CenterPlace(string Id, string Code, string Country, string TimeZone);

/// <summary>A country's weekend days.</summary>
public sealed record CountryWeek(string Country, IReadOnlyList<DayOfWeek> Weekend);

/// <summary>
/// The calendars of all centers, from the shared reference data: ReferenceData:Centers (centers.json: code, country,
/// time zone) and ReferenceData:Calendars (calendars.json: weekends and the holiday lists of each country and year, with
/// their history). One instance per service; decisions take the center's calendar as known on the day they are made.
/// </summary>
public sealed class CenterCalendars(IReadOnlyList<CenterPlace> centers, IReadOnlyList<CountryWeek> weeks, IReadOnlyList<HolidayList> lists)
{
    private static readonly IReadOnlySet<DayOfWeek> SaturdaySunday = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public IReadOnlyList<HolidayList> Lists => lists;

    public bool Knows(string centerId) => centers.Any(c => c.Id == centerId);

    /// <summary>
    /// The center's calendar with, for each year, the newest holiday list valid on <paramref name="knownOn"/> (null: the
    /// newest there is). An unknown center is a fault of the reference data, not of the caller.
    /// </summary>
    public CenterCalendar For(string centerId, DateOnly? knownOn = null)
    {
        var place = centers.FirstOrDefault(c => c.Id == centerId)
            ?? throw new InvalidOperationException($"center '{centerId}' is not in ReferenceData:Centers (centers.json)");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(place.TimeZone);
        var weekend = weeks.FirstOrDefault(w => w.Country == place.Country)?.Weekend.ToHashSet() ?? SaturdaySunday;
        var byYear = lists
            .Where(l => l.Country == place.Country && (knownOn is null || l.ValidFrom <= knownOn))
            .GroupBy(l => l.Year)
            .ToDictionary(g => g.Key, g => g.MaxBy(l => l.ValidFrom)!);
        return new CenterCalendar(place.Id, place.Code, zone, weekend, byYear);
    }

    /// <summary>
    /// The center's local date of an instant, for projections: a center missing from the reference data counts UTC's days
    /// rather than halting the projection.
    /// </summary>
    public DateOnly LocalDate(string centerId, DateTimeOffset instant) =>
        Knows(centerId) ? For(centerId).LocalDate(instant) : DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>The center's IANA time zone id (UTC for a center missing from the reference data), for SQL's "at time zone".</summary>
    public string ZoneId(string centerId) => centers.FirstOrDefault(c => c.Id == centerId)?.TimeZone ?? "UTC";

    public static CenterCalendars From(IConfiguration configuration) => new(
        configuration.GetSection("ReferenceData:Centers").Get<List<CenterPlace>>() ?? [],
        configuration.GetSection("ReferenceData:Weeks").Get<List<CountryWeek>>() ?? [],
        configuration.GetSection("ReferenceData:Calendars").Get<List<HolidayList>>() ?? []);

    /// <summary>The reference data shipped in ServiceDefaults, for tests and tools that run without a host.</summary>
    public static CenterCalendars Shipped => shipped.Value;

    private static readonly Lazy<CenterCalendars> shipped = new(() =>
    {
        var configuration = new ConfigurationManager();
        var assembly = typeof(CenterCalendars).Assembly;
        foreach (var name in new[] { "centers.json", "calendars.json" })
            configuration.AddJsonStream(assembly.GetManifestResourceStream(name)!);
        return From(configuration);
    });
}
