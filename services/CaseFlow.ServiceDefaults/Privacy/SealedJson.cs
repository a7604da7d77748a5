using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>Stored JSON as an auditor reads it: each sealed value opened in place, or marked erased.</summary>
public static class SealedJson
{
    public static string Opened(string json, SubjectCipher cipher)
    {
        if (!json.Contains($"\"{SealedJsonConverter.SubjectsProperty}\"", StringComparison.Ordinal)) return json;
        var node = JsonNode.Parse(json);
        return (Open(node, cipher) ?? node)?.ToJsonString() ?? json;
    }

    /// <summary>The replacement for a sealed node, or null after opening what is inside it in place.</summary>
    private static JsonNode? Open(JsonNode? node, SubjectCipher cipher)
    {
        switch (node)
        {
            case JsonObject sealedValue when IsSealed(sealedValue):
                if (sealedValue[SealedJsonConverter.PlainProperty] is { } plain) return plain.DeepClone();
                var subjects = sealedValue[SealedJsonConverter.SubjectsProperty]!.AsArray().Select(s => Guid.Parse(s!.GetValue<string>())).ToArray();
                return cipher.Open(subjects, sealedValue[SealedJsonConverter.SealedProperty]!.GetValue<string>()) is { } bytes
                    ? JsonNode.Parse(bytes) ?? JsonValue.Create((string?)null)
                    : JsonValue.Create(Sealed.ErasedText);
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                    if (Open(value, cipher) is { } replaced) obj[name] = replaced;
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (Open(array[i], cipher) is { } replaced) array[i] = replaced;
                return null;
            default:
                return null;
        }
    }

    private static bool IsSealed(JsonObject obj) =>
        obj.Count == 2 && obj[SealedJsonConverter.SubjectsProperty] is JsonArray
        && (obj.ContainsKey(SealedJsonConverter.SealedProperty) || obj.ContainsKey(SealedJsonConverter.PlainProperty));

    /// <summary>For values a test or tool wants to check without Marten.</summary>
    public static JsonSerializerOptions Options(SubjectCipher cipher) => new() { Converters = { new SealedJsonConverter(cipher) } };
}
