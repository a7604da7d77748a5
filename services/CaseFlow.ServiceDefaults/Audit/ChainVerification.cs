using JasperFx.Events;
using Marten;

namespace CaseFlow.ServiceDefaults.Audit;

public sealed record ChainCheck(bool Intact, int EventsChecked, long FirstBrokenVersion, string? FirstBrokenType, string? Problem)
{
    public CaseFlow.Audit.Api.V1.CaseVerification Answer(Guid caseId, string service) => new()
    {
        CaseId = caseId.ToString(), Service = service, Intact = Intact, EventsChecked = EventsChecked,
        FirstBrokenVersion = FirstBrokenVersion, FirstBrokenType = FirstBrokenType ?? "", Problem = Problem ?? "",
    };
}

/// <summary>A stream head an auditor exported earlier: the chain must still pass through it.</summary>
public sealed record Checkpoint(long Version, string Hash);

/// <summary>
/// Recomputes a stream's keyed chain from its stored events and names the first one that does not match; then holds
/// the chain against the stream's recorded version and its sealed head (so removed last events are named), and
/// against an exported checkpoint when one is given (so a roll-back to an older, validly sealed head is caught).
/// </summary>
public static class ChainVerification
{
    public static ChainCheck Verify(IReadOnlyList<IEvent> events, ISerializer serializer, HashChain chain,
        Guid streamId, long recordedVersion, StreamHead? head, Checkpoint? checkpoint = null)
    {
        var previous = HashChain.Genesis;
        var expectedVersion = 1L;
        var checkedCount = 0;
        string? hashAtCheckpoint = null;
        foreach (var e in events.OrderBy(e => e.Version))
        {
            if (e.Version != expectedVersion)
                return Missing(expectedVersion, checkedCount, $"the stream jumps from {expectedVersion - 1} to {e.Version}");
            var recomputed = chain.Link(previous, e.EventTypeName, serializer.ToJson(e.Data), HashChain.OccurredAt(e.Data),
                e.UserName, HashChain.Role(e), HashChain.Center(e));
            var stored = HashChain.StoredHash(e);
            if (stored is null) return Broken(e, checkedCount, "the event carries no hash");
            if (stored != recomputed)
                return Broken(e, checkedCount, "its content, actor, business time or place in the stream differs from what was sealed");
            if (checkpoint?.Version == e.Version) hashAtCheckpoint = stored;
            previous = stored;
            expectedVersion++;
            checkedCount++;
        }

        var last = expectedVersion - 1;
        if (recordedVersion > last)
            return Missing(last + 1, checkedCount, $"the stream is recorded at version {recordedVersion} but its events end at {last}");
        if (head is null)
            return Missing(last + 1, checkedCount, "the stream has no sealed head: it was written before sealing, or the head was deleted");
        if (head.Id != streamId || head.Seal != chain.SealHead(streamId, head.Version, head.Hash))
            return Missing(last + 1, checkedCount, "the sealed head does not match its seal: it was written without the chain key");
        if (head.Version > last)
            return Missing(last + 1, checkedCount, $"the sealed head is at version {head.Version} but the events end at {last}");
        if (head.Version < last)
            return Missing(head.Version + 1, checkedCount, $"events after the sealed head (version {head.Version}) were added without the chain key");
        if (head.Hash != previous)
            return Missing(last, checkedCount, "the last event is not the one the head was sealed with");

        if (checkpoint is not null)
        {
            if (checkpoint.Version > last)
                return Missing(last + 1, checkedCount, $"the exported checkpoint reached version {checkpoint.Version}: the stream was rolled back to {last}");
            if (hashAtCheckpoint != checkpoint.Hash)
                return Missing(checkpoint.Version, checkedCount, "the stream no longer passes through the exported checkpoint: history before it was rewritten");
        }
        return new ChainCheck(true, checkedCount, 0, null, null);
    }

    private static ChainCheck Broken(IEvent e, int checkedCount, string problem) =>
        new(false, checkedCount, e.Version, e.EventTypeName, $"event {e.Version} ({e.EventTypeName}): {problem}");

    private static ChainCheck Missing(long version, int checkedCount, string problem) =>
        new(false, checkedCount, version, null, $"event {version}: {problem}");
}
