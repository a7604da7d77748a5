using System.Collections.Concurrent;

namespace CaseFlow.Reunification.Flights;

/// <summary>
/// Requests for one flight wait their turn here, in this process, before taking the flight's row lock: a hundred
/// travellers asking for the same flight at once then hold one database connection, not a hundred waiting for the
/// lock (which exhausted PostgreSQL's connections). The row lock still orders writers across service instances.
/// </summary>
public sealed class FlightQueues
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> turns = new();

    public async Task<T> InTurn<T>(Guid? flightId, Func<Task<T>> work, CancellationToken ct)
    {
        if (flightId is not { } id) return await work();
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
