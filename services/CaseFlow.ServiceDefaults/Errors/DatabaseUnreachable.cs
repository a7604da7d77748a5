using System.Net.Sockets;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// A failure that is PostgreSQL being out of reach (down, restarting, the network cut), not a fault of the request:
/// the same call is right to retry a little later, so it answers UNAVAILABLE (HTTP 503 with Retry-After), not 500.
/// Marten and Npgsql wrap the cause in their own exceptions, so the whole chain is searched.
/// </summary>
public static class DatabaseUnreachable
{
    /// <summary>How long a client is asked to wait before retrying: about as long as PostgreSQL takes to restart.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public static bool Is(Exception e) => Causes(e).Any(IsTransient);

    private static bool IsTransient(Exception e) => e switch
    {
        PostgresException postgres => postgres.IsTransient, // 57P01 shutting down, 57P03 starting up, 53300 too many connections, …
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException => true,
        _ => false,
    };

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
            if (cause is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes)) yield return inner;
        }
    }
}
