using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// Where every personal value passes on its way to and from storage, in all services: Marten's serializer. A
/// <see cref="Sealed{T}"/> is written as <c>{"subjects":[…],"sealed":"…"}</c> — never its plain value — and read back
/// opened when its subjects' keys exist, erased when one is gone. Because the event's JSON is what the hash chain
/// covers, the chain covers ciphertext and stays valid after a key is erased.
/// </summary>
public sealed class SealedJsonConverter(SubjectCipher cipher) : JsonConverterFactory
{
    public const string SubjectsProperty = "subjects";
    public const string SealedProperty = "sealed";
    public const string PlainProperty = "plain";

    public SubjectKeys Keys => cipher.Keys;

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Sealed<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]), cipher)!;

    private sealed class Converter<T>(SubjectCipher cipher) : JsonConverter<Sealed<T>>
    {
        public override void Write(Utf8JsonWriter writer, Sealed<T> value, JsonSerializerOptions options)
        {
            if (value.Legacy)
            {
                JsonSerializer.Serialize(writer, value.Value, options);
                return;
            }
            writer.WriteStartObject();
            writer.WriteStartArray(SubjectsProperty);
            foreach (var subject in value.Subjects) writer.WriteStringValue(subject);
            writer.WriteEndArray();
            if (value.Cipher is null && (value.StoredPlain || !cipher.Encrypting))
            {
                writer.WritePropertyName(PlainProperty);
                JsonSerializer.Serialize(writer, value.Value, options);
            }
            else
            {
                value.Cipher ??= cipher.Seal(value.Subjects, JsonSerializer.SerializeToUtf8Bytes(value.Value, options));
                writer.WriteString(SealedProperty, value.Cipher);
            }
            writer.WriteEndObject();
        }

        public override Sealed<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(SubjectsProperty, out _))
                return new Sealed<T>([], root.Deserialize<T>(options), null, false) { Legacy = true };
            var subjects = root.GetProperty(SubjectsProperty).EnumerateArray().Select(s => s.GetGuid()).ToArray();
            if (root.TryGetProperty(PlainProperty, out var plain))
                                return new Sealed<T>(subjects, plain.Deserialize<T>(options), null, false) { StoredPlain = true };
            var stored = root.GetProperty(SealedProperty).GetString()!;
            return cipher.Open(subjects, stored) is { } bytes
                ? Sealed.Stored(subjects, JsonSerializer.Deserialize<T>(bytes, options), stored, false)
                : Sealed.Stored<T>(subjects, default, stored, true);
        }
    }
}
