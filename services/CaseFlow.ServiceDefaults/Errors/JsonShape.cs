using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// Reads a JSON body against the request's protobuf descriptor the way proto3 JSON does (lowerCamel or proto names,
/// 64-bit integers also as numeric strings, enums by name or number, timestamps as RFC 3339 text, null for "not set"),
/// and names each value that would not parse by its JSON path and what was expected there: the transcoder itself only
/// says "Request JSON payload is not correctly formatted."
/// </summary>
public static class JsonShape
{
    public const string BodyField = "body";
    private static readonly ConcurrentDictionary<MessageDescriptor, IReadOnlyDictionary<string, FieldDescriptor>> fieldsByJsonName = new();

    /// <summary>The problems of a body bound to the whole request (<c>body: "*"</c>) or to one of its fields (<c>body: "member"</c>).</summary>
    public static IReadOnlyList<FieldProblem> Problems(ReadOnlySpan<byte> body, MessageDescriptor request, string bodyRule)
    {
        var target = bodyRule == "*" ? null : request.FindFieldByName(bodyRule);
        if (IsBlank(body))
            return [new FieldProblem(BodyField, $"is empty; send {(target is null ? "a JSON object ({} when nothing else is needed)" : Expected(target, whole: true))}")];
        if (SyntaxProblem(body) is { } malformed) return [malformed];

        using var json = JsonDocument.Parse(body.ToArray());
        var problems = new List<FieldProblem>();
        if (target is null) CheckMessage(request, json.RootElement, "", problems);
        else CheckField(target, json.RootElement, target.JsonName, problems);
        return problems;
    }

    /// <summary>A body that parses into an empty request (or an empty body field), to stand in for one that would not parse.</summary>
    public static byte[] EmptyBody(MessageDescriptor request, string bodyRule) =>
        (bodyRule == "*" ? null : request.FindFieldByName(bodyRule)) switch
        {
            null => "{}"u8.ToArray(),
            { IsMap: true } => "{}"u8.ToArray(),
            { IsRepeated: true } => "[]"u8.ToArray(),
            { FieldType: FieldType.Message or FieldType.Group } => "{}"u8.ToArray(),
            { FieldType: FieldType.String or FieldType.Bytes } => "\"\""u8.ToArray(),
            { FieldType: FieldType.Bool } => "false"u8.ToArray(),
            _ => "0"u8.ToArray(),
        };

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    /// <summary>Where a body stops being JSON, named by the property being read there (e.g. a truncated <c>applicantName</c>).</summary>
    private static FieldProblem? SyntaxProblem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read()) path.Saw(ref reader);
            return null;
        }
        catch (JsonException e)
        {
            var where = path.Current;
            return new FieldProblem(where.Length == 0 ? BodyField : where,
                $"malformed JSON near {(where.Length == 0 ? "the top level" : where)} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    private static void CheckMessage(MessageDescriptor message, JsonElement json, string path, List<FieldProblem> problems)
    {
        if (WellKnown(message, json, path, problems)) return;
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(path, $"expected an object ({message.Name}), not {Describe(json)}"));
            return;
        }
        var fields = FieldsOf(message);
        var oneofsSet = new Dictionary<OneofDescriptor, string>();
        foreach (var property in json.EnumerateObject())
        {
            var at = Join(path, property.Name);
            if (!fields.TryGetValue(property.Name, out var field))
            {
                problems.Add(Problem(at, $"unknown field; {message.Name} has: {string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName))}"));
                continue;
            }
            at = Join(path, field.JsonName);
            if (field.RealContainingOneof is { } oneof && property.Value.ValueKind != JsonValueKind.Null
                && !oneofsSet.TryAdd(oneof, field.JsonName))
                problems.Add(Problem(at, $"only one of {string.Join(", ", oneof.Fields.Select(f => f.JsonName))} may be set (also {oneofsSet[oneof]})"));
            CheckField(field, property.Value, at, problems);
        }
    }

    private static void CheckField(FieldDescriptor field, JsonElement json, string path, List<FieldProblem> problems)
    {
        if (json.ValueKind == JsonValueKind.Null) return; // null means "not set"
        if (field.IsMap)
        {
            if (json.ValueKind != JsonValueKind.Object) { problems.Add(Problem(path, $"expected an object (a map), not {Describe(json)}")); return; }
            var (key, value) = (field.MessageType.FindFieldByNumber(1), field.MessageType.FindFieldByNumber(2));
            foreach (var entry in json.EnumerateObject())
            {
                var at = $"{path}[{entry.Name}]";
                if (!KeyParses(key, entry.Name)) problems.Add(Problem(at, $"the key '{entry.Name}' is not {Expected(key, whole: false)}"));
                CheckValue(value, entry.Value, at, problems);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (json.ValueKind != JsonValueKind.Array) { problems.Add(Problem(path, $"expected an array of {Plural(field)}, not {Describe(json)}")); return; }
            var index = 0;
            foreach (var item in json.EnumerateArray()) CheckValue(field, item, $"{path}[{index++}]", problems);
            return;
        }
        CheckValue(field, json, path, problems);
    }

    private static void CheckValue(FieldDescriptor field, JsonElement json, string path, List<FieldProblem> problems)
    {
        if (field.FieldType is FieldType.Message or FieldType.Group)
        {
            if (json.ValueKind == JsonValueKind.Null && !field.IsRepeated) return;
            CheckMessage(field.MessageType, json, path, problems);
            return;
        }
        if (!ScalarParses(field, json)) problems.Add(Problem(path, $"expected {Expected(field, whole: false)}, not {Describe(json)}"));
    }

    private static bool ScalarParses(FieldDescriptor field, JsonElement json) => field.FieldType switch
    {
        FieldType.String => json.ValueKind == JsonValueKind.String,
        FieldType.Bool => json.ValueKind is JsonValueKind.True or JsonValueKind.False,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32
            or FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 => Integer(json, field.FieldType),
        FieldType.Float or FieldType.Double => Number(json),
        FieldType.Bytes => json.ValueKind == JsonValueKind.String && IsBase64(json.GetString()!),
        FieldType.Enum => json.ValueKind == JsonValueKind.String
            ? field.EnumType.FindValueByName(json.GetString()!) is not null
            : Integer(json, FieldType.Enum),
        _ => true,
    };

    /// <summary>
    /// An integer in range, as the transcoder reads it: a JSON number without fraction or exponent; 64-bit integers
    /// also as a numeric string (proto3 JSON writes them so), 32-bit ones not.
    /// </summary>
    private static bool Integer(JsonElement json, FieldType type) => (type, json.ValueKind) switch
    {
        (FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.Enum, JsonValueKind.Number) => json.TryGetInt32(out _),
        (FieldType.UInt32 or FieldType.Fixed32, JsonValueKind.Number) => json.TryGetUInt32(out _),
        (FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64, JsonValueKind.Number) => json.TryGetInt64(out _),
        (FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64, JsonValueKind.String) =>
            long.TryParse(json.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        (FieldType.UInt64 or FieldType.Fixed64, JsonValueKind.Number) => json.TryGetUInt64(out _),
        (FieldType.UInt64 or FieldType.Fixed64, JsonValueKind.String) =>
            ulong.TryParse(json.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool Number(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Number => true,
        JsonValueKind.String => json.GetString() is "NaN" or "Infinity" or "-Infinity"
            || double.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool KeyParses(FieldDescriptor key, string text) => key.FieldType switch
    {
        FieldType.String => true,
        FieldType.Bool => text is "true" or "false",
        _ => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
             || ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
    };

    private static bool IsBase64(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/');
        normalized = normalized.PadRight(normalized.Length + (4 - normalized.Length % 4) % 4, '=');
        return Convert.TryFromBase64String(normalized, new byte[normalized.Length], out _);
    }

    /// <summary>Types with their own JSON form: checked by the protobuf parser itself, which knows their exact rules.</summary>
    private static bool WellKnown(MessageDescriptor message, JsonElement json, string path, List<FieldProblem> problems)
    {
        switch (message.FullName)
        {
            case "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask":
                if (json.ValueKind != JsonValueKind.String || !ParsesAs(message, json))
                    problems.Add(Problem(path, $"expected {WellKnownText(message)}, not {Describe(json)}"));
                return true;
            case "google.protobuf.Struct":
                if (json.ValueKind != JsonValueKind.Object) problems.Add(Problem(path, $"expected an object, not {Describe(json)}"));
                return true;
            case "google.protobuf.ListValue":
                if (json.ValueKind != JsonValueKind.Array) problems.Add(Problem(path, $"expected an array, not {Describe(json)}"));
                return true;
            case "google.protobuf.Value" or "google.protobuf.Any":
                return true;
            case var name when name.StartsWith("google.protobuf.", StringComparison.Ordinal) && name.EndsWith("Value", StringComparison.Ordinal):
                CheckValue(message.FindFieldByNumber(1), json, path, problems);
                return true;
            default:
                return false;
        }
    }

    internal static bool ParsesAs(MessageDescriptor message, JsonElement json) => ParsesAs(message, json.GetRawText());

    internal static bool ParsesAs(MessageDescriptor message, string json)
    {
        try
        {
            JsonParser.Default.Parse(json, message);
            return true;
        }
        catch (InvalidProtocolBufferException) { return false; }
        catch (InvalidJsonException) { return false; }
        catch (FormatException) { return false; }
    }

    internal static string WellKnownText(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => "a time in RFC 3339 form, e.g. \"2020-04-02T09:00:00Z\"",
        "google.protobuf.Duration" => "a duration in seconds, e.g. \"90s\" or \"1.5s\"",
        _ => "a comma-separated list of field paths",
    };

    /// <summary>What a field's value should look like, in the words of the error ("expected an integer").</summary>
    public static string Expected(FieldDescriptor field, bool whole)
    {
        if (whole && field.IsMap) return "an object (a map)";
        if (whole && field.IsRepeated) return $"an array of {Plural(field)}";
        return field.FieldType switch
        {
            FieldType.String => "a string",
            FieldType.Bool => "true or false",
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => "an integer",
            FieldType.UInt32 or FieldType.Fixed32 or FieldType.UInt64 or FieldType.Fixed64 => "a non-negative integer",
            FieldType.Float or FieldType.Double => "a number",
            FieldType.Bytes => "base64 text",
            FieldType.Enum => $"one of {string.Join(", ", field.EnumType.Values.Select(v => v.Name))} (or its number)",
            _ when field.MessageType.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask" => WellKnownText(field.MessageType),
            _ => $"an object ({field.MessageType.Name})",
        };
    }

    private static string Plural(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "strings",
        FieldType.Message or FieldType.Group => "objects",
        _ => $"values ({Expected(field, whole: false)})",
    };

    private static string Describe(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => $"the string {Shorten(json.GetRawText())}",
        JsonValueKind.Number => $"the number {Shorten(json.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => json.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    private static FieldProblem Problem(string path, string problem) => new(path.Length == 0 ? BodyField : path, problem);

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>A field is found by its JSON name or its proto name, as proto3 JSON parsers accept both.</summary>
    internal static FieldDescriptor? FindField(MessageDescriptor message, string name) => FieldsOf(message).GetValueOrDefault(name);

    private static IReadOnlyDictionary<string, FieldDescriptor> FieldsOf(MessageDescriptor message) =>
        fieldsByJsonName.GetOrAdd(message, m =>
        {
            var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var field in m.Fields.InDeclarationOrder())
            {
                fields.TryAdd(field.JsonName, field);
                fields.TryAdd(field.Name, field);
            }
            return fields;
        });

    /// <summary>The JSON path of the value a reader is at, in the same notation as field problems (<c>applicant.documents[0]</c>).</summary>
    private sealed class JsonPathTracker
    {
        private readonly List<(bool IsArray, string? Property, int Index)> frames = [];

        public string Current => string.Concat(frames.Select((f, i) => f.IsArray
            ? (f.Index >= 0 ? $"[{f.Index}]" : "")
            : f.Property is null ? "" : (i == 0 ? f.Property : "." + f.Property)));

        public void Saw(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1] = frames[^1] with { Property = reader.GetString() };
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    NextArrayItem();
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, null, -1));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    NextArrayItem();
                    break;
            }
        }

        private void NextArrayItem()
        {
            if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }
}
