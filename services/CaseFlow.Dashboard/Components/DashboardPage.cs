using System.Globalization;
using CaseFlow.Dashboard.Labels;
using CaseFlow.Dashboard.Reading;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseFlow.Dashboard.Components;

/// <summary>
/// What every page shares: its filter from the query (from, to, province, center, asOf, lang), the labels of its
/// language, and the live refresh: a timer re-querying the services every Dashboard:RefreshSeconds, so a new event
/// shows without a reload. Without asOf the figures are as of each refresh; with it, as of that pinned time.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim loading = new(1, 1);

    [Inject] protected StatisticsReader Statistics { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IConfiguration Configuration { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "province")] public string? Province { get; set; }
    [SupplyParameterFromQuery(Name = "center")] public string? Center { get; set; }
    [SupplyParameterFromQuery(Name = "asOf")] public string? AsOf { get; set; }
    [SupplyParameterFromQuery(Name = "lang")] public string? Lang { get; set; }

    public Texts T => Texts.For(Lang ?? Configuration["Dashboard:DefaultLanguage"]);
    public Filter? Filter { get; private set; }
    /// <summary>Why the filter was not applied, naming the query field: nothing is queried then.</summary>
    public string? FilterProblem { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    /// <summary>Running in its circuit with the figures loaded (not the prerendered HTML the circuit replaces).</summary>
    public bool IsLive => RendererInfo.IsInteractive && UpdatedAt is not null;
    /// <summary>The services' reference data (ServiceDefaults' centers.json, embedded here too), so the filters offer what they accept.</summary>
    public IReadOnlyList<(string Id, string Province)> Centers =>
        Configuration.GetSection("ReferenceData:Centers").GetChildren().Select(c => (c["Id"]!, c["Province"]!)).ToList();

    protected abstract Task Load(Filter filter, CancellationToken ct);

    protected override Task OnParametersSetAsync() => Refresh();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = KeepFresh();
    }

    private async Task KeepFresh()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Configuration.GetValue("Dashboard:RefreshSeconds", 2.0)), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
                await InvokeAsync(async () =>
                {
                    await Refresh();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException) { }
    }

    private async Task Refresh()
    {
        if (stopping.IsCancellationRequested) return;
        await loading.WaitAsync();
        try
        {
            var (filter, problem) = ReadFilter();
            if (filter is not null) await Load(filter, stopping.Token);
            (Filter, FilterProblem, UpdatedAt) = (filter, problem, Clock.GetUtcNow());
        }
        catch (OperationCanceledException) { }
        finally
        {
            loading.Release();
        }
    }

    private (Filter?, string?) ReadFilter()
    {
        DateOnly? from = null, to = null;
        DateTimeOffset asOf = Clock.GetUtcNow();
        if (!string.IsNullOrEmpty(From) && !Day(From, out from)) return (null, "from: expected a day, YYYY-MM-DD");
        if (!string.IsNullOrEmpty(To) && !Day(To, out to)) return (null, "to: expected a day, YYYY-MM-DD");
        if (from > to) return (null, "to: the period ends before it starts");
        if (!string.IsNullOrEmpty(AsOf) && !DateTimeOffset.TryParse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out asOf))
            return (null, "asOf: expected a time, e.g. 2020-07-31T00:00:00Z");
        if (!string.IsNullOrEmpty(Province) && Centers.All(c => c.Province != Province)) return (null, $"province: '{Province}' is not a province of the centers");
        if (!string.IsNullOrEmpty(Center) && Centers.All(c => c.Id != Center)) return (null, $"center: '{Center}' is not a center");
        return (new Filter(from, to, NullIfEmpty(Province), NullIfEmpty(Center), asOf.ToUniversalTime()), null);
    }

    private static bool Day(string text, out DateOnly? day)
    {
        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        day = ok ? parsed : null;
        return ok;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A page of the dashboard with this page's filter (and language, unless another is given).</summary>
    public string Link(string path, string? lang = null, IReadOnlyDictionary<string, string?>? replace = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From, ["to"] = To, ["province"] = Province, ["center"] = Center, ["asOf"] = AsOf, ["lang"] = lang ?? Lang,
        };
        foreach (var (key, value) in replace ?? new Dictionary<string, string?>()) query[key] = value;
        return QueryHelpers.AddQueryString(path, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
