using System.Diagnostics;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Faults;
using CaseFlow.ServiceDefaults.Telemetry;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CaseFlow.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox: the async daemon feeds committed events here, in order, and the relay
/// publishes their integration events. A page's progress is recorded only after every message of it was
/// accepted by the broker, so delivery is at least once; the message id is the event id, so consumers'
/// inboxes drop the repeats.
/// </summary>
public sealed class OutboxRelay : SubscriptionBase
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly IntegrationEventMap map;
    private readonly IBus bus;
    private readonly ILogger<OutboxRelay> logger;
    private readonly FaultHooks faults;

    public OutboxRelay(IntegrationEventMap map, IBus bus, ILogger<OutboxRelay> logger, FaultHooks faults)
    {
        this.map = map;
        this.bus = bus;
        this.logger = logger;
        this.faults = faults;
        Name = "outbox-relay";
        foreach (var type in map.EventTypes) IncludeType(type);
        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (faults.RelayProgressFirst)
        {
            // Test only: the defect the stored progress prevents — the page counts as relayed before the broker has it.
            // One event after another, so a publisher held (or killed) mid-page leaves the rest of the page unsent.
            _ = Task.Run(async () =>
            {
                foreach (var e in page.Events)
                {
                    await PublishUntilAccepted(e, CancellationToken.None);
                    await faults.AfterRelayPublish(page.SequenceCeiling, e.Id, CancellationToken.None);
                }
            }, CancellationToken.None);
            return NullChangeListener.Instance;
        }
        await Publish(page, cancellationToken);
        return NullChangeListener.Instance;
    }

    private async Task Publish(EventRange page, CancellationToken cancellationToken)
    {
        // Streams are independent: publish them side by side, each stream's events in order.
        var streams = page.Events.GroupBy(e => e.StreamId);
        await Parallel.ForEachAsync(streams,
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (stream, ct) =>
            {
                foreach (var e in stream)
                {
                    await PublishUntilAccepted(e, ct);
                    await faults.AfterRelayPublish(page.SequenceCeiling, e.Id, ct);
                }
            });
    }

    /// <summary>
    /// A broker outage holds the relay here, never skips an event; it resumes when the broker is back. Each attempt
    /// is given up after <see cref="PublishTimeout"/> by the relay itself: a publish in flight when the broker dies can
    /// wait for its confirm forever, whatever token it was given (rabbitmq/rabbitmq-dotnet-client#1930), and would
    /// hold the whole relay. An abandoned attempt that completes later only repeats a message the inboxes drop.
    /// </summary>
    private async Task PublishUntilAccepted(IEvent e, CancellationToken stopping)
    {
        if (map.ToMessage(e) is not { } message) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var activity = StartActivityInTraceOfAppend(e, message);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(PublishTimeout);
                var publish = bus.Publish(message, message.GetType(), context => Describe(context, e), timeout.Token);
                _ = publish.ContinueWith(abandoned => abandoned.Exception, TaskContinuationOptions.OnlyOnFaulted);
                await publish.WaitAsync(PublishTimeout, stopping);
                return;
            }
            catch (Exception error) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(error, "Publishing {Message} of event {EventId} failed (attempt {Attempt}); retrying",
                    message.GetType().Name, e.Id, attempt);
                await Task.Delay(Backoff(attempt), stopping);
            }
        }
    }

    private static void Describe(PublishContext context, IEvent e)
    {
        context.MessageId = e.Id;
        if (Guid.TryParse(e.CorrelationId, out var correlation)) context.CorrelationId = correlation;
        context.Headers.Set(MessageHeaders.StreamVersion, e.Version);
        context.Headers.Set(MessageHeaders.RecordedAt, e.Timestamp.ToString("O"));
    }

    /// <summary>The daemon runs outside the request; the trace context stored with the event joins the two.</summary>
    private static Activity? StartActivityInTraceOfAppend(IEvent e, object message)
    {
        ActivityContext.TryParse(Header(e, EventSessions.TraceParentHeader), Header(e, EventSessions.TraceStateHeader),
            out var parent);
        return CaseFlowTelemetry.Source.StartActivity($"relay {message.GetType().Name}", ActivityKind.Producer, parent);
    }

    private static string? Header(IEvent e, string name) => e.GetHeader(name)?.ToString();

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 50 * Math.Pow(2, attempt)));
}

public static class MessageHeaders
{
    public const string StreamVersion = "CaseFlow-Stream-Version";
    /// <summary>When the event was recorded in the store (its Marten timestamp), not when it happened: that is the event's OccurredAt.</summary>
    public const string RecordedAt = "CaseFlow-Recorded-At";
}
