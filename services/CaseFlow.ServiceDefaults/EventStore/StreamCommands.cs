using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>What a command decided: the events to append (none is a valid answer to a repeated fact).</summary>
public delegate IReadOnlyList<object> Decide<in TState>(TState state);

/// <summary>The answer to a command, from the state it was decided on, the events decided and the new version.</summary>
public delegate TResponse Respond<in TState, out TResponse>(TState before, IReadOnlyList<object> decided, long version);

/// <summary>
/// The write path of every API command, in all services: one transaction per attempt that loads the streams through a
/// <see cref="EventWriter"/>, lets the pure decision choose the events, appends and commits — once per request id
/// (a retry answers what the first call answered). A concurrent writer makes the commit fail with a conflict instead
/// of losing an update; a command that named no expected version is then decided again on the fresh streams.
/// Consumers write through <see cref="Messaging.Inbox"/>, the service's own decisions through <see cref="RunBackground"/>:
/// the same writer in both.
/// </summary>
public sealed class StreamCommands(
    EventSessions sessions, IdempotentRequests requests, StreamTurns turns, ServiceIdentity service, ILogger<StreamCommands> logger,
    Faults.FaultHooks faults)
{
    /// <summary>
    /// A command on one existing stream: its state, a pure decision, the answer from the decided events. The stream's row
    /// is locked until commit, so writers of one case (a lawyer and the consumers noting other services' news) take turns
    /// instead of racing: none is refused for a change it did not see, and a stale expected version is still a 409.
    /// </summary>
    public Task<TResponse> Run<TState, TResponse>(
        StreamCommand command, IMessage request, Caller caller, Decide<TState> decide, Respond<TState, TResponse> respond,
        CancellationToken ct)
        where TState : class
        where TResponse : IMessage<TResponse>, new() =>
        Run(command.Call, request, caller, async writer =>
        {
            var stream = faults.WritersRace
                ? await writer.Existing<TState>(command.StreamId, command.ExpectedVersion, command.What, ct)
                : await writer.Locked<TState>(command.StreamId, command.ExpectedVersion, command.What, ct);
            var state = stream.Aggregate!;
            var events = decide(state);
            if (events.Count > 0) stream.AppendMany(events);
            return respond(state, events, stream.CurrentVersion ?? 0);
        }, ct);

    /// <summary>
    /// Any command: new streams, several streams locked together, documents beside events. <paramref name="work"/> runs
    /// once per attempt in a fresh transaction, so it must decide from what it loads, never from what an earlier attempt saw.
    /// </summary>
    public Task<TResponse> Run<TResponse>(CommandCall call, IMessage request, Caller caller,
        Func<EventWriter, Task<TResponse>> work, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new() =>
        ConflictRetry.Run(call.ExpectedVersion, async () =>
        {
            await using var session = sessions.ForCaller(caller, call.RequestId);
            return await requests.RunOnce(session, call.Operation, call.RequestId, request,
                () => work(new EventWriter(session, caller)), ct);
        }, faults.ConflictAttempts);

    /// <summary>
    /// A command on a busy stream (a flight): it waits its turn in this process for the stream that
    /// <paramref name="whoseTurn"/> names (read before any transaction opens), then runs as <see cref="Run{TResponse}"/>.
    /// </summary>
    public Task<TResponse> RunInTurn<TResponse>(CommandCall call, IMessage request, Caller caller,
        Func<Marten.IQuerySession, Task<Guid?>> whoseTurn, Func<EventWriter, Task<TResponse>> work, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new() =>
        ConflictRetry.Run(call.ExpectedVersion, async () =>
        {
            Guid? busy;
            await using (var query = sessions.Query()) busy = await whoseTurn(query);
            return await turns.InTurn(busy, async () =>
            {
                await using var session = sessions.ForCaller(caller, call.RequestId);
                return await requests.RunOnce(session, call.Operation, call.RequestId, request,
                    () => work(new EventWriter(session, caller)), ct);
            }, ct);
        }, faults.ConflictAttempts);

    /// <summary>
    /// A decision the service takes by itself (a reply deadline passed), as the system: no request id and no retry
    /// here — when a stream changed meanwhile nothing is written and the next run decides again.
    /// </summary>
    /// <returns>Whether <paramref name="work"/> appended something and it was committed.</returns>
    public async Task<bool> RunBackground(string what, Func<EventWriter, Task<bool>> work, CancellationToken ct)
    {
        await using var session = sessions.ForCaller(Caller.System(service.Name), requestId: null);
        if (!await work(new EventWriter(session, Caller.System(service.Name)))) return false;
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (ConflictRetry.IsConflict(e))
        {
            logger.LogInformation("{What} changed meanwhile; the next run decides again", what);
            return false;
        }
    }
}

/// <summary>A client's call of a command: its name, its request id (a retry is answered once) and the version it last read.</summary>
public sealed record CommandCall(string Operation, string? RequestId, long? ExpectedVersion);

/// <summary>Which stream a command targets, at which version the client last saw it, and its request id.</summary>
public sealed record StreamCommand(string Operation, string What, Guid StreamId, long? ExpectedVersion, string? RequestId)
{
    public CommandCall Call => new(Operation, RequestId, ExpectedVersion);

    public static long? Version(bool hasExpectedVersion, long expectedVersion, InputCheck check, string field = "expectedVersion")
    {
        if (!hasExpectedVersion) return null;
        check.That(expectedVersion >= 1, field, "must be 1 or more (the version you last read)");
        return expectedVersion;
    }
}
