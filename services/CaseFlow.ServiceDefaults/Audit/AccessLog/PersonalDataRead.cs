using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using CaseFlow.ServiceDefaults.Privacy;
using Marten;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>
/// Personal data of a case was shown to someone: who (user, role, center), through which call, why (the purpose they
/// stated, if any) and when (the service's clock). One read of several cases is one event per case, with one read id.
/// The purpose is free text and may name people: it is sealed under a key of the case's log for that month, which the
/// retention sweep erases after <c>Retention:AccessLogPurposeDays</c>; who read what, and when, stays.
/// An export is one event naming its filter (the request as JSON, with no personal field in it) instead of its cases.
/// </summary>
public sealed record PersonalDataRead(
    Guid? CaseId, Guid ReadId, string User, string Role, string? Center, string Call, Sealed<string>? Purpose, DateTimeOffset OccurredAt,
    // Left out when absent, so the reads logged before exports existed serialize, and so hash, as they always did.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Filter = null)
{
    /// <summary>The subject the purposes stated in one month's reads of a case are sealed under.</summary>
    public static Guid PurposeSubject(Guid? caseId, DateTimeOffset at) => Subjects.Of(caseId ?? Guid.Empty, $"access-log/{at.UtcDateTime:yyyy-MM}");

    /// <summary>When that month's purposes stop being readable: the month's end plus the retention period.</summary>
    public static DateTimeOffset PurposeExpiry(DateTimeOffset at, TimeSpan retention) =>
        new DateTimeOffset(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) + retention;

    public const string EventTypeName = "personal_data_read";

    private static readonly byte[] Namespace = Encoding.UTF8.GetBytes("caseflow access log\n");

    /// <summary>
    /// The access-log stream of a case: its own stream beside the case's, so the log is hash-chained and sealed like any
    /// stream without touching the case's history, versions or projections. Derived from the case id (a name-based UUID,
    /// version 5) so every instance of a service finds the same stream; reads that name no case share one stream.
    /// </summary>
    public static Guid StreamOf(Guid? caseId)
    {
        var name = caseId is { } id ? id.ToString("N") : "no case";
        var hash = SHA1.HashData([.. Namespace, .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Whether a stream is an access log (its id is no secret: whoever knows a case id can derive it).</summary>
    public static async Task<bool> IsLogStream(IQuerySession session, Guid streamId, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var found = await session.QueryAsync<bool>(
            $"select exists (select 1 from {schema}.mt_events where stream_id = ? and type = '{EventTypeName}')", ct, streamId);
        return found.FirstOrDefault();
    }
}
