using Marten.Events.Projections;

namespace CaseFlow.Reunification.Statistics;

/// <summary>Reunions of one center in one month (of the reunion), with the days the families spent apart. No personal data.</summary>
public sealed class MonthlyCompletions
{
    public string Id { get; set; } = "";
    public string CenterId { get; set; } = "";
    public string Month { get; set; } = "";
    public int Completed { get; set; }
    public int TotalDaysSeparated { get; set; }
    public int ShortestDaysSeparated { get; set; }
    public int LongestDaysSeparated { get; set; }

    public static string Key(string centerId, DateOnly reunitedOn) => $"{centerId}/{reunitedOn:yyyy-MM}";
}

/// <summary>Runs in the async daemon: concurrent reunions of one center would otherwise overwrite each other's counts.</summary>
public sealed partial class MonthlyCompletionsProjection : MultiStreamProjection<MonthlyCompletions, string>
{
    public MonthlyCompletionsProjection()
    {
        Identity<Reunited>(e => MonthlyCompletions.Key(e.CenterId, e.ReunitedOn));
    }

    public MonthlyCompletions Apply(Reunited e, MonthlyCompletions month) => new()
    {
        Id = MonthlyCompletions.Key(e.CenterId, e.ReunitedOn),
        CenterId = e.CenterId,
        Month = e.ReunitedOn.ToString("yyyy-MM"),
        Completed = month.Completed + 1,
        TotalDaysSeparated = month.TotalDaysSeparated + e.DaysSeparated,
        ShortestDaysSeparated = month.Completed == 0 ? e.DaysSeparated : Math.Min(month.ShortestDaysSeparated, e.DaysSeparated),
        LongestDaysSeparated = Math.Max(month.LongestDaysSeparated, e.DaysSeparated),
    };
}
