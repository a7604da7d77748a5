using CaseFlow.Reporting.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>
/// What a statistics call counts, parsed once for every service from the one filter message they all take
/// (reporting.v1.StatisticsFilter: center_id, from, to, province, as_of). Figures that depend on the present are computed as of <see cref="AsOf"/>: nothing that happened
/// (business time) after it counts, so the same filter gives the same figures before and after a rebuild.
/// </summary>
public sealed record StatisticsScope(string? Center, string? Province, DateOnly? From, DateOnly? To, DateTimeOffset AsOf)
{
    /// <summary>The first instant of the period, UTC; null when open-ended.</summary>
    public DateTimeOffset? Start => From is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The instant after the period's last day, UTC; null when open-ended.</summary>
    public DateTimeOffset? End => To is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The filter as applied, for the answer to echo: an operator's center filled in, as_of always given.</summary>
    public StatisticsFilter Applied { get; private init; } = new();

    public static StatisticsScope Parse(StatisticsFilter filter, Caller caller, DateTimeOffset now, ReportingCenters centers)
    {
        var (centerId, from, to, province, asOf) = (filter.CenterId, filter.From, filter.To, filter.Province, filter.AsOf);
        var check = new InputCheck();
        check.That(string.IsNullOrWhiteSpace(centerId) || centers.IsCenter(centerId.Trim()), "centerId",
            $"unknown center '{centerId}'; known: {centers.KnownCenters}");
        check.That(string.IsNullOrWhiteSpace(province) || centers.IsProvince(province.Trim()), "province",
            $"unknown province '{province}'; known: {centers.KnownProvinces}");
        var start = check.Date(from, "from");
        var end = check.Date(to, "to");
        if (start is { } s && end is { } e) check.That(s <= e, "to", "the period ends before it starts");
        check.MaxLength(centerId, 100, "centerId").MaxLength(province, 100, "province");
        var at = now;
        if (asOf is not null)
        {
            at = asOf.ToDateTimeOffset();
            check.That(at >= InputCheck.EarliestBusinessTime, "asOf", $"must be after {InputCheck.EarliestBusinessTime:yyyy-MM-dd}");
        }
        check.ThrowIfAny();

        var center = string.IsNullOrWhiteSpace(centerId) ? null : centerId.Trim();
        // Those held to their own center get its figures when they name none, and are refused another's.
        if (center is not null) caller.EnsureCanRead(center);
        else if (caller.HeldToOwnCenter) center = caller.Center ?? "";
        var scope = new StatisticsScope(center, string.IsNullOrWhiteSpace(province) ? null : province.Trim(), start, end, at);
        return scope with
        {
            Applied = new StatisticsFilter
            {
                CenterId = scope.Center ?? "", Province = scope.Province ?? "", From = from.Trim(), To = to.Trim(),
                AsOf = scope.AsOfTimestamp,
            },
        };
    }

    public Timestamp AsOfTimestamp => Timestamp.FromDateTimeOffset(AsOf);
}
