using Microsoft.Extensions.Configuration;
using CaseFlow.ServiceDefaults.Calendar;

namespace CaseFlow.ServiceDefaults.Tests.Calendar;

/// <summary>The centers' days: Bishkek time (UTC+6, no DST since 2005) and the Kyrgyz holidays shipped for 2020-2021.</summary>
public sealed class CenterCalendarTests
{
    private static CenterCalendar KaraSuu(DateOnly? knownOn = null) => CenterCalendars.Shipped.For("kara-suu", knownOn);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso);

    [Theory]
    [InlineData("2020-03-28T17:59:59Z", "2020-03-28")]
    [InlineData("2020-03-28T18:00:00Z", "2020-03-29")] // 00:00 in Bishkek: the UTC date is still the 28th
    [InlineData("2020-03-29T17:30:00Z", "2020-03-29")] // 23:30 in Bishkek
    [InlineData("2020-12-31T19:00:00Z", "2021-01-01")] // a new year in Bishkek, not yet in UTC
    public void Given_an_instant_near_midnight_in_Bishkek_then_the_local_date_is_the_centers(string instant, string date)
    {
        KaraSuu().LocalDate(DateTimeOffset.Parse(instant)).ShouldBe(Day(date));
    }

    [Fact]
    public void Given_a_reply_due_by_29_March_then_it_is_late_from_midnight_in_Bishkek_not_UTC()
    {
        KaraSuu().EndOfDay(Day("2020-03-29")).ShouldBe(DateTimeOffset.Parse("2020-03-29T18:00:00Z"));
    }

    [Fact]
    public void Given_a_public_holiday_in_the_middle_then_it_is_skipped()
    {
        // Monday 4 May 2020; Tuesday 5 May is Constitution Day.
        KaraSuu().AddWorkingDays(Day("2020-05-04"), 2).ShouldBe(Day("2020-05-07"));
        KaraSuu().IsWorkingDay(Day("2020-05-05")).ShouldBeFalse();
        KaraSuu().HolidayOn(Day("2020-05-05"))!.Name.ShouldBe("Constitution Day");
    }

    [Fact]
    public void Given_a_weekend_then_neither_day_counts()
    {
        // Friday 3 April 2020: Monday the 6th is the first working day after it.
        KaraSuu().AddWorkingDays(Day("2020-04-03"), 1).ShouldBe(Day("2020-04-06"));
        KaraSuu().IsWorkingDay(Day("2020-04-04")).ShouldBeFalse();
        KaraSuu().IsWorkingDay(Day("2020-04-06")).ShouldBeTrue();
    }

    [Fact]
    public void Given_the_year_boundary_then_the_next_years_holidays_count()
    {
        // Wednesday 30 December 2020: Thursday the 31st, then 1 January (holiday), the weekend, Monday 4 January.
        KaraSuu().AddWorkingDays(Day("2020-12-30"), 2).ShouldBe(Day("2021-01-04"));
    }

    [Fact]
    public void Given_zero_working_days_then_the_day_itself_is_the_answer()
    {
        KaraSuu().AddWorkingDays(Day("2020-05-05"), 0).ShouldBe(Day("2020-05-05"));
    }

    [Fact]
    public void Given_a_decree_published_later_then_the_calendar_known_before_it_still_answers_as_it_did()
    {
        var first = new HolidayList("KG", 2020, Day("2019-12-01"), "first", [new PublicHoliday(Day("2020-03-23"), "Nooruz")]);
        var decree = first with
        {
            ValidFrom = Day("2020-03-10"), Source = "decree",
            Days = [.. first.Days, new PublicHoliday(Day("2020-03-20"), "Nooruz eve")], WorkingDays = [Day("2020-03-28")],
        };
        var calendars = new CenterCalendars([new CenterPlace("kara-suu", "KS", "KG", "Asia/Bishkek")], [], [decree, first]);

        calendars.For("kara-suu", Day("2020-03-01")).IsWorkingDay(Day("2020-03-20")).ShouldBeTrue();
        calendars.For("kara-suu", Day("2020-03-10")).IsWorkingDay(Day("2020-03-20")).ShouldBeFalse();
        calendars.For("kara-suu").IsWorkingDay(Day("2020-03-28")).ShouldBeTrue(); // a Saturday made a working day
        calendars.For("kara-suu", Day("2020-03-01")).IsWorkingDay(Day("2020-03-28")).ShouldBeFalse();
    }

    [Fact]
    public void Every_shipped_center_has_a_code_a_time_zone_and_holidays_for_2020_and_2021()
    {
        var centers = CaseFlow.ServiceDefaults.Reporting.ReportingCenters.From(Shipped());
        centers.All.Count.ShouldBeGreaterThan(0);
        foreach (var center in centers.All)
        {
            var calendar = CenterCalendars.Shipped.For(center.Id);
            calendar.Code.ShouldNotBeNullOrWhiteSpace();
            calendar.Zone.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(6));
            calendar.KnowsYear(2020).ShouldBeTrue();
            calendar.KnowsYear(2021).ShouldBeTrue();
        }
        centers.All.Select(c => CenterCalendars.Shipped.For(c.Id).Code).ShouldBeUnique();
    }

    private static Microsoft.Extensions.Configuration.IConfiguration Shipped()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        configuration.AddJsonStream(typeof(CenterCalendars).Assembly.GetManifestResourceStream("centers.json")!);
        return configuration;
    }
}
