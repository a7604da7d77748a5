using System.Globalization;
using CaseFlow.Reporting.V1;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Dashboard.Reading;

/// <summary>
/// What a page counts: the period (days, both included), a province, a center, and the time the figures are as of
/// (pinned by the page's asOf, else the moment of each refresh). The same filter goes to all three services.
/// </summary>
public sealed record Filter(DateOnly? From, DateOnly? To, string? Province, string? Center, DateTimeOffset AsOf)
{
    public StatisticsFilter ForStatistics() => new()
    {
        CenterId = Center ?? "", Province = Province ?? "", From = Day(From), To = Day(To), AsOf = Timestamp.FromDateTimeOffset(AsOf),
    };

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
