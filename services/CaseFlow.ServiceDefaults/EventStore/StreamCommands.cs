using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Marten;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>What a command decided: the events to append (none is a valid answer to a repeated fact).</summary>
public delegate IReadOnlyList<object> Decide<in TState>(TState state);

/// <summary>The answer to a command, from the state it was decided on, the events decided and the new version.</summary>
public delegate TResponse Respond<in TState, out TResponse>(TState before, IReadOnlyList<object> decided, long version);

/// <summary>
/// The write path of every command on an existing stream, in all services: load the stream (at the client's
/// expected version when given), let the pure decision choose the events, append and commit — once per
/// request id. A concurrent writer makes the commit fail with a conflict instead of losing an update.
/// </summary>
public sealed class StreamCommands(EventSessions sessions, IdempotentRequests requests)
{
    public Task<TResponse> Run<TState, TResponse>(
        StreamCommand command, IMessage request, Caller caller,
        Func<TState, string> centerOf, Decide<TState> decide, Respond<TState, TResponse> respond,
        CancellationToken ct)
        where TState : class
        where TResponse : IMessage<TResponse>, new() => ConflictRetry.Run(command.ExpectedVersion, async () =>
    {
        await using var session = sessions.ForCaller(caller, command.RequestId);
        return await requests.RunOnce(session, command.Operation, command.RequestId, request, async () =>
        {
            var stream = command.ExpectedVersion is { } expected
                ? await session.Events.FetchForWriting<TState>(command.StreamId, expected, ct)
                : await session.Events.FetchForWriting<TState>(command.StreamId, ct);
            var state = stream.Aggregate ?? throw new NotFound($"{command.What} {command.StreamId} does not exist");
            caller.EnsureCanChange(centerOf(state));

            var events = decide(state);
            if (events.Count > 0) stream.AppendMany(events);
            return respond(state, events, stream.CurrentVersion ?? 0);
        }, ct);
    });
}

/// <summary>Which stream a command targets, at which version the client last saw it, and its request id.</summary>
public sealed record StreamCommand(string Operation, string What, Guid StreamId, long? ExpectedVersion, string? RequestId)
{
    public static long? Version(bool hasExpectedVersion, long expectedVersion, InputCheck check, string field = "expectedVersion")
    {
        if (!hasExpectedVersion) return null;
        check.That(expectedVersion >= 1, field, "must be 1 or more (the version you last read)");
        return expectedVersion;
    }
}
