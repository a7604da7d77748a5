namespace CaseFlow.ServiceDefaults.Calendar;

/// <summary>
/// One center's days: its time zone and the working-day calendar of its country, as the holiday lists known on a given
/// day say. Every "which day is it at the center", "when does that day end" and "N working days later" goes through here.
/// </summary>
public sealed class CenterCalendar(string centerId, string code, TimeZoneInfo zone, IReadOnlySet<DayOfWeek> weekend,
    IReadOnlyDictionary<int, HolidayList> listsByYear)
{
    public string CenterId => centerId;

    /// <summary>The center's short code in register numbers (KS for Kara-Suu).</summary>
    public string Code => code;

    public TimeZoneInfo Zone => zone;

    /// <summary>The date on the center's wall calendar at that instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant the center's day ends (its next midnight): a reply due "by 29 March" is late from then on.</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // A zone that skips midnight (a DST jump) starts the day at the first valid minute.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public bool IsWorkingDay(DateOnly day)
    {
        var list = listsByYear.GetValueOrDefault(day.Year);
        if (list?.WorkingDays?.Contains(day) == true) return true;
        return !weekend.Contains(day.DayOfWeek) && list?.Days.Any(d => d.Date == day) != true;
    }

    /// <summary>The public holiday on that day, if any.</summary>
    public PublicHoliday? HolidayOn(DateOnly day) => listsByYear.GetValueOrDefault(day.Year)?.Days.FirstOrDefault(d => d.Date == day);

    /// <summary>The Nth working day after <paramref name="day"/> (the day itself never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var current = day;
        for (var counted = 0; counted < days;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current)) counted++;
        }
        return current;
    }

    /// <summary>Whether the holiday lists cover the year: past their end only weekends count as days off.</summary>
    public bool KnowsYear(int year) => listsByYear.ContainsKey(year);
}
