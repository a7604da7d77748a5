using Marten;
using Marten.Services;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// Before anything of a commit is serialized — the hash chain's listener comes after this one — the keys of every
/// person a new sealed value belongs to are read or created, asynchronously, so the serializer only has to use them.
/// </summary>
public sealed class SubjectKeysListener(SubjectKeys keys) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges;
        var subjects = new HashSet<Guid>();
        foreach (var value in pending.Streams().SelectMany(s => s.Events).Select(e => e.Data)
                     .Concat(pending.Inserts()).Concat(pending.Updates()).SelectMany(SealedValues.In))
            if (value.Cipher is null) subjects.UnionWith(value.Subjects);
        if (subjects.Count > 0) await keys.Ensure(subjects, token);
    }
}
