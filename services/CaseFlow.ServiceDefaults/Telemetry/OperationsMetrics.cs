using System.Diagnostics.Metrics;
using CaseFlow.ServiceDefaults.Admin.Status;
using CaseFlow.ServiceDefaults.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseFlow.ServiceDefaults.Telemetry;

/// <summary>
/// The operations figures as gauges on /metrics, so an alert can fire on them: relay lag, projection lag, consumer
/// queue depth, dead letters, readiness and each service's own figures (overdue letters). Read when /metrics is scraped:
/// a sample older than <c>Operations:SampleSeconds</c> (5) is read again, the scrape waiting for it at most
/// <see cref="ScrapeWait"/>; one that takes longer is shown when it is done, and meanwhile the previous sample, whose age
/// <c>caseflow_operations_sample_age_seconds</c> tells. Nobody scraping, nothing is read. Every line carries the
/// service and its instance, so the figures of two replicas never merge into one series.
/// </summary>
public sealed class OperationsMetrics : IHostedService, IDisposable
{
    /// <summary>
    /// The meter of one instance. Meter providers subscribe by name process-wide, so where several services share a
    /// process (the integration tests) one name would make every /metrics scrape read every service's figures.
    /// </summary>
    public static string MeterNameFor(ServiceInstance instance) => $"CaseFlow.Operations.{instance.Name}";

    /// <summary>How long a scrape waits for a fresh sample before it answers with the one it has.</summary>
    public static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(30);

    private sealed record Sample(StatusSnapshot Status, DateTimeOffset At);

    private readonly ServiceStatusReader reader;
    private readonly TimeProvider clock;
    private readonly ILogger<OperationsMetrics> logger;
    private readonly TimeSpan maxAge;
    private readonly KeyValuePair<string, object?>[] source;
    private readonly Meter meter;
    private readonly Lock refreshing = new();
    private volatile Sample? last;
    private Task? refresh;
    private DateTimeOffset waitUntil;

    public OperationsMetrics(ServiceStatusReader reader, ServiceIdentity service, ServiceInstance instance, TimeProvider clock,
        IConfiguration config, ILogger<OperationsMetrics> logger)
    {
        this.reader = reader;
        this.clock = clock;
        this.logger = logger;
        maxAge = TimeSpan.FromSeconds(config.GetValue("Operations:SampleSeconds", 5.0));
        meter = new Meter(MeterNameFor(instance));
        source = [new("service", service.Name), new("service_instance", instance.Name)];
        meter.CreateObservableGauge("caseflow_operations_sample_age_seconds",
            SampleAge,
            description: "how old the sample behind the other operations gauges is (a slow or failing read shows here)");
        meter.CreateObservableGauge("caseflow_ready", () => One(s => s.Health == "healthy" ? 1 : 0),
            description: "1 while every readiness check passes");
        meter.CreateObservableGauge("caseflow_relay_lag_events", () => One(s => s.Relay?.Events ?? 0),
            description: "events committed that the outbox relay has not yet published");
        meter.CreateObservableGauge("caseflow_relay_lag_seconds", () => One(s => s.Relay?.Seconds ?? 0),
            description: "how long the oldest event the relay has not yet published has waited");
        meter.CreateObservableGauge("caseflow_projection_lag_events", () => Each(s => s.Projections, p => p.Events, "projection", p => p.Name),
            description: "events committed that an async projection has not yet applied");
        meter.CreateObservableGauge("caseflow_projection_lag_seconds", () => Each(s => s.Projections, p => p.Seconds, "projection", p => p.Name),
            description: "how long the oldest event an async projection has not yet applied has waited");
        meter.CreateObservableGauge("caseflow_consumer_queue_depth", () => Each(s => s.Queues, q => (double)q.Messages, "queue", q => q.Queue),
            description: "messages waiting in a consumer queue of this service (consumer lag)");
        meter.CreateObservableGauge("caseflow_dead_letters", () => One(s => Math.Max(0, s.DeadLetters)),
            description: "messages this service's consumers gave up on, in its _error queues");
        meter.CreateObservableGauge("caseflow_daemon_agents", () => One(s => s.DaemonAgents.Count),
            description: "async daemon agents (relay, projections) running in this instance: 0 on a standby replica");
        meter.CreateObservableGauge("caseflow_figure", () => Each(s => s.Figures.ToList(), f => (double)f.Value, "figure", f => f.Key),
            description: "a figure of this service alone, e.g. figure=\"overdue_letters\" in Correspondence");
    }

    /// <summary>
    /// The sample the gauges of this scrape show: the last one while young enough, else a new read, waited for at most
    /// <see cref="ScrapeWait"/> in all by the scrape's gauges together (one read at a time).
    /// </summary>
    private Sample? Fresh()
    {
        if (last is { } young && clock.GetUtcNow() - young.At <= maxAge) return young;
        Task pending;
        lock (refreshing)
        {
            if (refresh is null || refresh.IsCompleted)
            {
                waitUntil = clock.GetUtcNow() + ScrapeWait;
                refresh = Task.Run(Read);
            }
            pending = refresh;
        }
        var wait = waitUntil - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) pending.Wait(wait);
        return last;
    }

    private async Task Read()
    {
        try
        {
            // Bounded, so a read stuck on an unanswering database or broker does not keep every later scrape on its sample.
            using var limit = new CancellationTokenSource(ReadLimit);
            var status = await reader.Read(limit.Token);
            last = new Sample(status, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reading the operations figures failed; the gauges show the previous sample");
        }
    }

    private Measurement<double> Measure(double value, params KeyValuePair<string, object?>[] tags) =>
        new(value, source.Concat(tags).ToArray());

    private IEnumerable<Measurement<double>> SampleAge() =>
        Fresh() is { } s ? [Measure((clock.GetUtcNow() - s.At).TotalSeconds)] : [];

    private IEnumerable<Measurement<double>> One(Func<StatusSnapshot, double> read) =>
        Fresh() is { } s ? [Measure(read(s.Status))] : [];

    private IEnumerable<Measurement<double>> Each<T>(Func<StatusSnapshot, IEnumerable<T>> items, Func<T, double> value, string tag, Func<T, string> name) =>
        Fresh() is { } s ? items(s.Status).Select(i => Measure(value(i), new KeyValuePair<string, object?>(tag, name(i)))).ToList() : [];

    /// <summary>Started with the host so its gauges exist from the first scrape; it reads only when scraped.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => meter.Dispose();
}
