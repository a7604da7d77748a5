using System.Security.Cryptography;
using CaseFlow.ServiceDefaults.Errors;
using Google.Protobuf;
using Marten;
using JasperFx;

namespace CaseFlow.ServiceDefaults.Idempotency;

/// <summary>The first result of a request, kept under its client request id in the same transaction as its events.</summary>
public sealed record HandledRequest(string Id, string Operation, string Fingerprint, byte[] Response, DateTimeOffset HandledAt);

/// <summary>
/// A retried request (same request id) returns the first result and appends nothing; a request id reused for
/// a different request is refused.
/// </summary>
public sealed class IdempotentRequests(IDocumentStore store, TimeProvider clock)
{
    public async Task<TResponse> RunOnce<TResponse>(IDocumentSession session, string operation, string? requestId,
        IMessage request, Func<Task<TResponse>> decideAndAppend, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new()
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            var response = await decideAndAppend();
            await session.SaveChangesAsync(ct);
            return response;
        }
        // The request id's shape (1–128 of letters, digits and -_.:) is checked once, by the call gate (RequestShape).
        var fingerprint = Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
        if (await session.LoadAsync<HandledRequest>(requestId, ct) is { } earlier)
            return Replay<TResponse>(earlier, operation, fingerprint);

        var first = await decideAndAppend();
        session.Insert(new HandledRequest(requestId, operation, fingerprint, first.ToByteArray(), clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
            return first;
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same request ran concurrently and committed first: answer what it answered.
            await using var query = store.QuerySession();
            var winner = await query.LoadAsync<HandledRequest>(requestId, ct)
                ?? throw new InvalidOperationException($"request {requestId} vanished");
            return Replay<TResponse>(winner, operation, fingerprint);
        }
    }

    private static TResponse Replay<TResponse>(HandledRequest earlier, string operation, string fingerprint)
        where TResponse : IMessage<TResponse>, new()
    {
        if (earlier.Operation != operation || earlier.Fingerprint != fingerprint)
            throw new InvalidInput("requestId", "was already used for a different request; use a new request id");
        return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(earlier.Response);
    }
}
