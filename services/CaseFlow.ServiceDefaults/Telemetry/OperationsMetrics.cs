using System.Diagnostics.Metrics;
using CaseFlow.ServiceDefaults.Admin.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseFlow.ServiceDefaults.Telemetry;

/// <summary>
/// The operations figures as gauges on /metrics, so an alert can fire on them: relay lag, projection lag, consumer
/// queue depth, dead letters, readiness and each service's own figures (overdue letters). Sampled in the background
/// every few seconds: a scrape only reads the last sample and never waits on the database or the broker.
/// </summary>
public sealed class OperationsMetrics : BackgroundService
{
    public const string MeterName = "CaseFlow.Operations";

    private readonly ServiceStatusReader reader;
    private readonly ILogger<OperationsMetrics> logger;
    private readonly TimeSpan interval;
    private readonly Meter meter = new(MeterName);
    private volatile StatusSnapshot? last;

    public OperationsMetrics(ServiceStatusReader reader, IConfiguration config, ILogger<OperationsMetrics> logger)
    {
        this.reader = reader;
        this.logger = logger;
        interval = TimeSpan.FromSeconds(config.GetValue("Operations:SampleSeconds", 5.0));
        meter.CreateObservableGauge("caseflow_ready", () => Sample(s => s.Health == "healthy" ? 1 : 0),
            description: "1 while every readiness check passes");
        meter.CreateObservableGauge("caseflow_relay_lag_events", () => Sample(s => s.Relay?.Events ?? 0),
            description: "events committed that the outbox relay has not yet published");
        meter.CreateObservableGauge("caseflow_relay_lag_seconds", () => Sample(s => s.Relay?.Seconds ?? 0),
            description: "how long the oldest event the relay has not yet published has waited");
        meter.CreateObservableGauge("caseflow_projection_lag_events", () => Each(s => s.Projections, p => p.Events, "projection", p => p.Name),
            description: "events committed that an async projection has not yet applied");
        meter.CreateObservableGauge("caseflow_projection_lag_seconds", () => Each(s => s.Projections, p => p.Seconds, "projection", p => p.Name),
            description: "how long the oldest event an async projection has not yet applied has waited");
        meter.CreateObservableGauge("caseflow_consumer_queue_depth", () => Each(s => s.Queues, q => (double)q.Messages, "queue", q => q.Queue),
            description: "messages waiting in a consumer queue of this service (consumer lag)");
        meter.CreateObservableGauge("caseflow_dead_letters", () => Sample(s => Math.Max(0, s.DeadLetters)),
            description: "messages this service's consumers gave up on, in its _error queues");
        meter.CreateObservableGauge("caseflow_daemon_agents", () => Sample(s => s.DaemonAgents.Count),
            description: "async daemon agents (relay, projections) running in this instance: 0 on a standby replica");
        meter.CreateObservableGauge("caseflow_figure", () => Each(s => s.Figures.ToList(), f => (double)f.Value, "figure", f => f.Key),
            description: "a figure of this service alone, e.g. figure=\"overdue_letters\" in Correspondence");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                last = await reader.Read(stoppingToken);
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Sampling the operations figures failed; the gauges keep their last sample");
                await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private IEnumerable<Measurement<double>> Sample(Func<StatusSnapshot, double> read) =>
        last is { } s ? [new Measurement<double>(read(s))] : [];

    private IEnumerable<Measurement<double>> Each<T>(Func<StatusSnapshot, IEnumerable<T>> items, Func<T, double> value, string tag, Func<T, string> name) =>
        last is { } s ? items(s).Select(i => new Measurement<double>(value(i), new KeyValuePair<string, object?>(tag, name(i)))).ToList() : [];

    public override void Dispose()
    {
        meter.Dispose();
        base.Dispose();
    }
}
