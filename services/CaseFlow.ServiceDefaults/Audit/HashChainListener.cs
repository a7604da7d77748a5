using JasperFx.Events;
using Marten;
using Marten.Services;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// Seals every appended event into its stream's hash chain just before commit — whichever write path appended
/// it — and stores the stream's new sealed head in the same transaction. An append without an expected version is
/// pinned to the version the chain was read at, so two writers racing on one stream get a conflict instead of a
/// forked chain.
/// </summary>
public sealed class HashChainListener(HashChain chain, TimeProvider clock) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Events.Count == 0) continue;
            var (previous, version) = stream.ActionType == StreamActionType.Start
                ? (HashChain.Genesis, 0L)
                : await LastLink(session, stream.Id, token);
            stream.ExpectedVersionOnServer ??= version;
            foreach (var e in stream.Events)
            {
                previous = chain.Link(previous, e.EventTypeName, serializer.ToJson(e.Data), HashChain.OccurredAt(e.Data),
                    e.UserName ?? session.LastModifiedBy, HashChain.Role(e) ?? Header(session, EventStore.EventSessions.RoleHeader),
                    HashChain.Center(e) ?? Header(session, EventStore.EventSessions.CenterHeader));
                e.SetHeader(HashChain.HashHeader, previous);
            }
            var head = version + stream.Events.Count;
            session.Store(new StreamHead(stream.Id, head, previous, chain.SealHead(stream.Id, head, previous), clock.GetUtcNow()));
        }
    }

    private static string? Header(IDocumentSession session, string name) => session.GetHeader(name)?.ToString();

    private static async Task<(string Hash, long Version)> LastLink(IDocumentSession session, Guid streamId, CancellationToken token)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var last = await session.QueryAsync<string>(
            $"select coalesce(headers ->> '{HashChain.HashHeader}', '') || '|' || version from {schema}.mt_events where stream_id = ? order by version desc limit 1",
            token, streamId);
        if (last.Count == 0) return (HashChain.Genesis, 0);
        var parts = last[0].Split('|');
        return (parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
