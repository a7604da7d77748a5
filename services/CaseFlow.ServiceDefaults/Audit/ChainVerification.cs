using JasperFx.Events;
using Marten;

namespace CaseFlow.ServiceDefaults.Audit;

public sealed record ChainCheck(bool Intact, int EventsChecked, long FirstBrokenVersion, string? FirstBrokenType, string? Problem);

/// <summary>Recomputes a stream's chain from its stored events and names the first one that does not match.</summary>
public static class ChainVerification
{
    public static ChainCheck Verify(IReadOnlyList<IEvent> events, ISerializer serializer)
    {
        var previous = HashChain.Genesis;
        var expectedVersion = 1L;
        var checkedCount = 0;
        foreach (var e in events.OrderBy(e => e.Version))
        {
            if (e.Version != expectedVersion)
                return Broken(e, checkedCount, $"version {expectedVersion} is missing: the stream jumps to {e.Version}");
            var recomputed = HashChain.Link(previous, e.EventTypeName, serializer.ToJson(e.Data), HashChain.OccurredAt(e.Data),
                e.UserName, HashChain.Role(e), HashChain.Center(e));
            var stored = HashChain.StoredHash(e);
            if (stored is null) return Broken(e, checkedCount, "the event carries no hash");
            if (stored != recomputed)
                return Broken(e, checkedCount, "its content, actor, business time or place in the stream differs from what was sealed");
            previous = stored;
            expectedVersion++;
            checkedCount++;
        }
        return new ChainCheck(true, checkedCount, 0, null, null);
    }

    private static ChainCheck Broken(IEvent e, int checkedCount, string problem) =>
        new(false, checkedCount, e.Version, e.EventTypeName, $"event {e.Version} ({e.EventTypeName}): {problem}");
}
