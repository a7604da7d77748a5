using System.Globalization;
using CaseFlow.Reporting.V1;
using Microsoft.Playwright;

namespace CaseFlow.Dashboard.Tests.Harness;

/// <summary>
/// Figures as (key, item) → number: read off a page (every element marked data-figure), or flattened from an API
/// answer the way docs/reporting.md describes each figure — independently of the dashboard's own code.
/// </summary>
public sealed class Figures : Dictionary<(string Key, string Item), double>
{
    public static async Task<Figures> OnPage(IPage page)
    {
        var found = new Figures();
        foreach (var cell in await page.Locator("[data-figure]").AllAsync())
        {
            var key = (await cell.GetAttributeAsync("data-figure"))!;
            var item = await cell.GetAttributeAsync("data-item") ?? "";
            found[(key, item)] = double.Parse((await cell.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        }
        return found;
    }

    public Figures Add(Total? total)
    {
        if (total is not null) this[(total.Key, "")] = total.Count;
        return this;
    }

    public Figures Add(Breakdown? breakdown)
    {
        foreach (var count in breakdown?.Counts ?? []) this[(breakdown!.Key, count.Value)] = count.Count_;
        return this;
    }

    public Figures Add(Duration? duration)
    {
        if (duration is null) return this;
        this[(duration.Key, "count")] = duration.Count;
        this[(duration.Key, "median_days")] = duration.MedianDays;
        this[(duration.Key, "p90_days")] = duration.P90Days;
        return this;
    }

    public Figures Add(Share? share)
    {
        if (share is null) return this;
        this[(share.Key, "numerator")] = share.Numerator;
        this[(share.Key, "denominator")] = share.Denominator;
        this[(share.Key, "share")] = share.Share_;
        return this;
    }

    public Figures Add(WeeklyFlow? flow)
    {
        foreach (var week in flow?.Weeks ?? [])
        {
            this[(flow!.Key, $"{week.Week}/opened")] = week.Opened;
            this[(flow.Key, $"{week.Week}/closed")] = week.Closed;
        }
        return this;
    }

    public Figures Add(CaseFlow.Intake.Api.V1.LegalAidIndicator? indicator)
    {
        foreach (var row in indicator?.Rows ?? [])
            this[(indicator!.Key, $"{row.Sex}|{row.AgeGroup}|{row.Province}|{row.Category}")] = row.People;
        return this;
    }
}
