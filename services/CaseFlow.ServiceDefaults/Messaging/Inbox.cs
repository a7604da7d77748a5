using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Faults;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Security;
using CaseFlow.ServiceDefaults.Telemetry;
using Marten;
using JasperFx;
using MassTransit;

namespace CaseFlow.ServiceDefaults.Messaging;

/// <summary>
/// A message a consumer has handled, stored in the same transaction as the events it appended; <paramref name="Instance"/>
/// is the copy of the service that handled it (Hosting/ServiceInstance), so the share of each replica can be counted.
/// </summary>
public sealed record ProcessedMessage(string Id, string MessageType, DateTimeOffset ProcessedAt, string? Instance = null);

/// <summary>
/// The consumers' door to the write path: runs a consumer's work, as the system, at most once per message id. A
/// redelivered message finds its id already stored and changes nothing; two deliveries racing each other collide on
/// the id and only one commits. A conflict with another writer fails the delivery, and the broker retries it.
/// </summary>
public sealed class Inbox(EventSessions sessions, ServiceIdentity service, ServiceInstance instance, TimeProvider clock, FaultHooks faults)
{
    public async Task HandleOnce<TMessage>(ConsumeContext<TMessage> context, string consumer,
        Func<EventWriter, Task> handle) where TMessage : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("a message without a message id");
        var id = $"{consumer}/{messageId}";
        using var activity = CaseFlowTelemetry.Source.StartActivity($"{service.Name} handles {typeof(TMessage).Name}");
        activity?.SetTag("caseflow.service", service.Name);
        activity?.SetTag("caseflow.consumer", consumer);
        activity?.SetTag("caseflow.instance", instance.Name);
        await using var session = sessions.ForMessage(context);
        if (await session.LoadAsync<ProcessedMessage>(id, context.CancellationToken) is not null) return;

        await handle(new EventWriter(session, Caller.System(service.Name)));
        session.Insert(new ProcessedMessage(id, typeof(TMessage).Name, clock.GetUtcNow(), instance.Name));
        await faults.AfterConsumerWork(id, context.CancellationToken);
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A concurrent delivery of the same message committed first: its work stands, ours is dropped.
        }
    }
}
