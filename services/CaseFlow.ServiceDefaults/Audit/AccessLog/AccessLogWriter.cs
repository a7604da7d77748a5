using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Privacy.Retention;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>
/// Appends one read to the access log of each case it showed, in one transaction, through the shared write path: the
/// events carry the reader as their actor and are sealed into each stream's keyed hash chain like any other. Two reads
/// of one case at once conflict on its log's version; the write path then appends again at the new end.
/// </summary>
public sealed class AccessLogWriter(StreamCommands commands, SubjectKeys keys, RetentionPeriods retention, TimeProvider clock)
{
    private static readonly CommandCall Recording = new("record-personal-data-read", RequestId: null, ExpectedVersion: null);

    public async Task Record(Caller reader, string call, string? purpose, IReadOnlySet<Guid?> cases, CancellationToken ct,
        string? filter = null)
    {
        var (readId, at) = (Guid.CreateVersion7(), clock.GetUtcNow());
        if (!string.IsNullOrEmpty(purpose))
            foreach (var caseId in cases)
                await keys.EnsureExpiring(PersonalDataRead.PurposeSubject(caseId, at), PersonalDataRead.PurposeExpiry(at, retention.AccessLogPurposes), ct);
        await commands.Run(Recording, new Empty(), reader, writer =>
        {
            // One order for every read, so two reads of overlapping lists never wait for each other in a circle.
            foreach (var caseId in cases.OrderBy(id => id))
                writer.Append(PersonalDataRead.StreamOf(caseId),
                    [new PersonalDataRead(caseId, readId, reader.User, reader.Role, reader.Center, call,
                        string.IsNullOrEmpty(purpose) ? null : Sealed.For(PersonalDataRead.PurposeSubject(caseId, at), purpose), at, filter)]);
            return Task.FromResult(new Empty());
        }, ct);
    }
}
