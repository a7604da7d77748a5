using CaseFlow.ServiceDefaults.Privacy;
using System.Text.Json;
using CaseFlow.Audit.Api.V1;
using CaseFlow.ServiceDefaults.Hosting;
using Google.Protobuf.WellKnownTypes;
using Marten;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>Who read what and when: one filter over the access-log events, oldest first, paged by store sequence.</summary>
public sealed record AccessFilter(Guid? Stream, string? User, DateTimeOffset? From, DateTimeOffset? To, int PageSize, long After)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
}

/// <summary>Reads the access log straight from the event table, like <see cref="HistoryReader"/>, with each entry's hash.</summary>
public sealed class AccessLogReader(NpgsqlDataSource database, IDocumentStore store, ServiceIdentity service, SubjectCipher cipher)
{
    public async Task<AccessLogPage> Read(AccessFilter filter, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var readAt = "(data ->> 'OccurredAt')::timestamptz";
        await using var command = database.CreateCommand($"""
            select seq_id, version, data::text, coalesce(headers ->> '{HashChain.HashHeader}', '')
            from {schema}.mt_events
            where type = $1 and seq_id > $2
              and ($3::uuid is null or stream_id = $3) and ($4::text is null or data ->> 'User' = $4)
              and ($5::timestamptz is null or {readAt} >= $5) and ($6::timestamptz is null or {readAt} < $6)
            order by seq_id limit $7
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = PersonalDataRead.EventTypeName });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.After });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Stream ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.User ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.PageSize + 1 });

        var page = new AccessLogPage { Service = service.Name };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (page.Entries.Count == filter.PageSize)
            {
                page.NextAfter = page.Entries[^1].Sequence;
                break;
            }
            var read = JsonSerializer.Deserialize<PersonalDataRead>(reader.GetString(2), SealedJson.Options(cipher))!;
            page.Entries.Add(new AccessLogEntry
            {
                Sequence = reader.GetInt64(0), Version = reader.GetInt64(1), CaseId = read.CaseId?.ToString() ?? "",
                ReadId = read.ReadId.ToString(), User = read.User, Role = read.Role, Center = read.Center ?? "", Call = read.Call,
                Purpose = read.Purpose.Shown(), ReadAt = Timestamp.FromDateTimeOffset(read.OccurredAt), Hash = reader.GetString(3), Filter = read.Filter ?? "",
            });
        }
        return page;
    }
}
