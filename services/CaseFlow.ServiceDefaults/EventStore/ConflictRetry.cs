using JasperFx.Events;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// A command that named no expected version asked for "the case as it is now": when a background writer (a
/// consumer noting another service's news) appended between our read and our commit, the command is decided
/// again on the fresh stream instead of failing. A client that named a version gets the conflict (409). Consumers
/// (<see cref="Messaging.Inbox"/>) go through here too: two messages of one case racing on its stream are decided again
/// at once, not handed back to the broker's retry with its backoff.
/// </summary>
public static class ConflictRetry
{
    public const int Attempts = 10;

    public static async Task<T> Run<T>(long? expectedVersion, Func<Task<T>> attempt, int attempts = Attempts)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (expectedVersion is null && round < attempts && IsConflict(e))
            {
                await Task.Delay(Random.Shared.Next(5, 25 * round));
            }
        }
    }

    /// <summary>A lost race: a version moved, or two writers started the same stream (a center's register for a new year).</summary>
    public static bool IsConflict(Exception e) =>
        e is JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException
            or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
        || IsRaceToStartStream(e);

    /// <summary>
    /// Two writers appended to a stream that did not exist yet (a case's first logged read, twice at once): the second
    /// insert of its stream row fails. Marten passes that on untranslated; it is the same conflict as any other.
    /// </summary>
    private static bool IsRaceToStartStream(Exception e) =>
        e is Marten.Exceptions.MartenCommandException
        {
            InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" },
        };
}
