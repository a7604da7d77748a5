using System.Globalization;
using CaseFlow.Audit.Api.V1;
using CaseFlow.ServiceDefaults.EventStore;
using Google.Protobuf.WellKnownTypes;
using Marten;
using CaseFlow.ServiceDefaults.Privacy;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// A stream's history read straight from the event table: the stored JSON goes out as it is, without being
/// turned into objects and back, so a case with a thousand events answers in milliseconds. Sealed personal values are
/// opened in place, or marked erased.
/// </summary>
public sealed class HistoryReader(NpgsqlDataSource database, IDocumentStore store, SubjectCipher cipher)
{
    public async Task<IReadOnlyList<HistoryEvent>> Read(Guid streamId, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var command = database.CreateCommand($"""
            select version, seq_id, mt_dotnet_type, data::text, data ->> 'OccurredAt', timestamp, coalesce(user_name, ''),
                   coalesce(headers ->> '{EventSessions.RoleHeader}', ''), coalesce(headers ->> '{EventSessions.CenterHeader}', ''),
                   coalesce(correlation_id, ''), coalesce(causation_id, ''), coalesce(headers ->> '{HashChain.HashHeader}', '')
            from {schema}.mt_events where stream_id = $1 order by version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        var events = new List<HistoryEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var recordedAt = reader.GetFieldValue<DateTimeOffset>(5);
            events.Add(new HistoryEvent
            {
                Version = reader.GetInt64(0),
                Sequence = reader.GetInt64(1),
                Type = ClassName(reader.IsDBNull(2) ? "" : reader.GetString(2)),
                Data = JsonStruct.Parse(SealedJson.Opened(reader.GetString(3), cipher)),
                OccurredAt = Timestamp.FromDateTimeOffset(BusinessTime(reader.IsDBNull(4) ? null : reader.GetString(4)) ?? recordedAt),
                RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
                User = reader.GetString(6),
                Role = reader.GetString(7),
                Center = reader.GetString(8),
                CorrelationId = reader.GetString(9),
                CausationId = reader.GetString(10),
                Hash = reader.GetString(11),
            });
        }
        return events;
    }

    /// <summary>"CaseFlow.Intake.Cases.ConsultationHeld, CaseFlow.Intake" → "ConsultationHeld".</summary>
    private static string ClassName(string dotnetType)
    {
        var fullName = dotnetType.Split(',')[0];
        return fullName[(fullName.LastIndexOfAny(['.', '+']) + 1)..];
    }

    private static DateTimeOffset? BusinessTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
