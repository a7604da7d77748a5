using System.Collections.Concurrent;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// Commands on one busy stream (a charter flight many travellers ask for at once) wait their turn here, in this
/// process, before opening a transaction and taking the stream's row lock: a hundred requests then hold one database
/// connection, not a hundred waiting for the lock (which exhausted PostgreSQL's connections). The row lock still
/// orders writers across service instances.
/// </summary>
public sealed class StreamTurns
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> turns = new();

    public async Task<T> InTurn<T>(Guid? streamId, Func<Task<T>> work, CancellationToken ct)
    {
        if (streamId is not { } id) return await work();
        var turn = turns.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            turn.Release();
        }
    }
}
