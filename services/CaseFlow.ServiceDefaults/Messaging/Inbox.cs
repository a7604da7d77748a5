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
/// the id and only one commits. A conflict with another writer (a message of another type for the same case, consumed
/// at the same moment from its own queue) is decided again at once on the fresh stream, as API commands are
/// (<see cref="ConflictRetry"/>); only what still fails goes back to the broker's retry and, in the end, to _error.
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
        await ConflictRetry.Run(null, () => Attempt(context, id, handle), faults.ConflictAttempts);
    }

    /// <summary>One transaction: the inbox look-up, the work, the inbox record, committed together.</summary>
    private async Task<bool> Attempt<TMessage>(ConsumeContext<TMessage> context, string id, Func<EventWriter, Task> handle)
        where TMessage : class
    {
        await using var session = sessions.ForMessage(context);
        if (!faults.BypassInbox && await session.LoadAsync<ProcessedMessage>(id, context.CancellationToken) is not null) return false;

        await handle(new EventWriter(session, Caller.System(service.Name)));
        var processed = new ProcessedMessage(id, typeof(TMessage).Name, clock.GetUtcNow(), instance.Name);
        if (faults.BypassInbox) session.Store(processed); // test only: a repeat overwrites the record instead of colliding
        else session.Insert(processed);
        await faults.AfterConsumerWork(id, context.CancellationToken);
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A concurrent delivery of the same message committed first: its work stands, ours is dropped.
        }
        return true;
    }
}
