using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace CaseFlow.ServiceDefaults.Admin.DeadLetters;

/// <summary>
/// A message MassTransit parked in an _error queue, read from its envelope (the message id, type and case) and the
/// <c>MT-Fault-*</c> headers MassTransit adds (the exception and when it was raised).
/// </summary>
public sealed record DeadLetterMessage(string Id, string Queue, string MessageType, string? CaseId, string Error, DateTimeOffset? FailedAt)
{
    private const string FaultPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";
    public const string ReplayedHeader = "CaseFlow-Replayed-By";

    public static DeadLetterMessage Read(string queue, BasicGetResult delivered)
    {
        var headers = delivered.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var (envelopeId, type, caseId) = Envelope(delivered.Body);
        var exception = Text(headers, FaultPrefix + "ExceptionType");
        var message = Text(headers, FaultPrefix + "Message");
        return new DeadLetterMessage(
            delivered.BasicProperties.MessageId ?? envelopeId ?? $"delivery-{delivered.DeliveryTag}",
            queue, type ?? Text(headers, FaultPrefix + "MessageType") ?? "unknown", caseId,
            exception is null ? message ?? "unknown" : $"{exception}: {message}",
            DateTimeOffset.TryParse(Text(headers, FaultPrefix + "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null);
    }

    /// <summary>The properties to send it back with: as it came, without the fault headers of the failure, marked as replayed.</summary>
    public static BasicProperties ForReplay(IReadOnlyBasicProperties original, string replayedBy)
    {
        var properties = new BasicProperties(original);
        var headers = (original.Headers ?? new Dictionary<string, object?>())
            .Where(h => !h.Key.StartsWith(FaultPrefix, StringComparison.Ordinal) && h.Key != ReasonHeader)
            .ToDictionary(h => h.Key, h => h.Value);
        headers[ReplayedHeader] = replayedBy;
        properties.Headers = headers;
        return properties;
    }

    private static (string? Id, string? Type, string? CaseId) Envelope(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var id = root.TryGetProperty("messageId", out var messageId) ? messageId.GetString() : null;
            // "urn:message:CaseFlow.Contracts.Intake.V1:CaseOpened" → "CaseOpened"
            var type = root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()?.Split(':').Last()
                : null;
            var caseId = root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("caseId", out var id2) ? id2.GetString() : null;
            return (id, type, caseId);
        }
        catch (JsonException)
        {
            return (null, null, null); // not a MassTransit envelope: listed by its headers alone
        }
    }

    private static string? Text(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value)
        ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            AmqpTimestamp stamp => DateTimeOffset.FromUnixTimeSeconds(stamp.UnixTime).ToString("O"),
            null => null,
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        }
        : null;
}
