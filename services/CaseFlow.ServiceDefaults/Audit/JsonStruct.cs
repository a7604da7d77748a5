using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// Event data as a protobuf Struct, straight from System.Text.Json: several times cheaper than re-parsing the
/// text with protobuf's JSON parser, which matters for a history of a thousand events.
/// </summary>
public static class JsonStruct
{
    public static Struct Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object ? Object(document.RootElement) : new Struct();
    }

    private static Struct Object(JsonElement element)
    {
        var result = new Struct();
        foreach (var property in element.EnumerateObject()) result.Fields[property.Name] = Value(property.Value);
        return result;
    }

    private static Value Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Google.Protobuf.WellKnownTypes.Value.ForStruct(Object(element)),
        JsonValueKind.Array => Google.Protobuf.WellKnownTypes.Value.ForList([.. element.EnumerateArray().Select(Value)]),
        JsonValueKind.String => Google.Protobuf.WellKnownTypes.Value.ForString(element.GetString()!),
        JsonValueKind.Number => Google.Protobuf.WellKnownTypes.Value.ForNumber(element.GetDouble()),
        JsonValueKind.True => Google.Protobuf.WellKnownTypes.Value.ForBool(true),
        JsonValueKind.False => Google.Protobuf.WellKnownTypes.Value.ForBool(false),
        _ => Google.Protobuf.WellKnownTypes.Value.ForNull(),
    };
}
