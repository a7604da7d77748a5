namespace CaseFlow.ServiceDefaults.Calendar;

public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// A country's days off for one year, as published from <see cref="ValidFrom"/>: a decree that moves a day publishes a
/// new list for the year with a later ValidFrom, and the older list stays, so "what did the calendar say when" has an answer.
/// </summary>
/// <param name="Days">The days off: public holidays and the days a holiday falling on a weekend was moved to.</param>
/// <param name="WorkingDays">Weekend days declared working days (a transfer), if any.</param>
public sealed record HolidayList(
    string Country, int Year, DateOnly ValidFrom, string Source, IReadOnlyList<PublicHoliday> Days, IReadOnlyList<DateOnly>? WorkingDays = null);
