using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// The streams one command writes, in one transaction that commits them all or none. Services reach Marten's write
/// API only through here, so the center check, the version check and the locking rule are the same for every write.
/// Hash-chain sealing happens at commit (<c>HashChainListener</c>), whatever was appended.
/// </summary>
public sealed class EventWriter(IDocumentSession session, Caller caller)
{
    /// <summary>Queries and documents (the agency directory, the inbox) inside the same transaction.</summary>
    public IDocumentSession Session => session;

    public Caller Caller => caller;

    /// <summary>
    /// An existing stream at the version the client last saw (when given); its center must be the caller's, and is
    /// checked first, so an operator of another center learns nothing of the case's version. The append stays
    /// optimistic: it commits only onto the version fetched here.
    /// </summary>
    public async Task<IEventStream<TState>> Existing<TState>(Guid id, long? expectedVersion, string what, CancellationToken ct)
        where TState : class
    {
        var stream = Checked(await session.Events.FetchForWriting<TState>(id, ct), id, what);
        if (expectedVersion is { } expected && stream.CurrentVersion != expected)
            throw new ConcurrencyException($"{what} {id} is at version {stream.CurrentVersion}, not {expected}", null);
        return stream;
    }

    /// <summary>
    /// An existing stream under a row lock held until commit: its writers are decided one after another, each seeing
    /// what the previous one appended. Lock several streams in one global order (for flights: date, then number), so
    /// two writers never wait for each other in a circle.
    /// </summary>
    public async Task<IEventStream<TState>> Locked<TState>(Guid id, long? expectedVersion, string what, CancellationToken ct)
        where TState : class
    {
        var stream = Checked(await session.Events.FetchForExclusiveWriting<TState>(id, ct), id, what);
        if (expectedVersion is { } expected && stream.CurrentVersion != expected)
            throw new ConcurrencyException($"{what} {id} is at version {stream.CurrentVersion}, not {expected}", null);
        return stream;
    }

    /// <summary>A stream that may not exist yet (its Aggregate is then null): appending to it starts it.</summary>
    public async Task<IEventStream<TState>> StartOrContinue<TState>(Guid id, CancellationToken ct) where TState : class
    {
        var stream = await session.Events.FetchForWriting<TState>(id, ct);
        if (stream.Aggregate is IBelongsToCenter owned) caller.EnsureCanChange(owned.CenterId);
        return stream;
    }

    /// <summary>A new stream; one that exists already makes the commit fail as a conflict.</summary>
    public void Start<TState>(Guid id, IReadOnlyList<object> events) where TState : class
    {
        if (events.Count == 0) throw new ArgumentException("a new stream starts with at least one event", nameof(events));
        session.Events.StartStream<TState>(id, events.ToArray());
    }

    /// <summary>
    /// Events for a stream this command has not loaded (a traveller seated from a waitlist learns it on their file).
    /// The decision that produced them must have seen that stream's state under a lock held in this transaction.
    /// </summary>
    public void Append(Guid id, IReadOnlyList<object> events)
    {
        if (events.Count > 0) session.Events.Append(id, events.ToArray());
    }

    private IEventStream<TState> Checked<TState>(IEventStream<TState> stream, Guid id, string what) where TState : class
    {
        var state = stream.Aggregate ?? throw new NotFound($"{what} {id} does not exist");
        if (state is IBelongsToCenter owned) caller.EnsureCanChange(owned.CenterId);
        return stream;
    }
}
