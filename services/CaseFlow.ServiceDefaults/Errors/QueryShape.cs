using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// The query parameters of a JSON route bind request fields by their JSON or proto path (<c>?pageSize=20</c>,
/// <c>?route.from=Moscow</c>): a value that would not parse as its field is named like a body problem. Parameters
/// that name no field are left alone, as the transcoder leaves them.
/// </summary>
public static class QueryShape
{
    public static IReadOnlyList<FieldProblem> Problems(IQueryCollection query, MessageDescriptor request)
    {
        var problems = new List<FieldProblem>();
        foreach (var (key, values) in query)
        {
            if (Resolve(request, key) is not var (field, path)) continue;
            foreach (var value in values)
                if (value is not null && !Parses(field, value))
                    problems.Add(new FieldProblem(path, $"expected {JsonShape.Expected(field, whole: false)}, not '{Shorten(value)}'"));
        }
        return problems;
    }

    private static (FieldDescriptor Field, string Path)? Resolve(MessageDescriptor message, string key)
    {
        var path = new List<string>();
        FieldDescriptor? field = null;
        foreach (var name in key.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != FieldType.Message || field.IsRepeated) return null;
                message = field.MessageType;
            }
            field = JsonShape.FindField(message, name);
            if (field is null) return null;
            path.Add(field.JsonName);
        }
        return field is null ? null : (field, string.Join(".", path));
    }

    private static bool Parses(FieldDescriptor field, string text) => field.FieldType switch
    {
        FieldType.String or FieldType.Bytes => true,
        FieldType.Bool => text is "true" or "false",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.Float or FieldType.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        FieldType.Enum => field.EnumType.FindValueByName(text) is not null || int.TryParse(text, CultureInfo.InvariantCulture, out _),
        FieldType.Message when field.MessageType.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask" =>
            JsonShape.ParsesAs(field.MessageType, JsonSerializer.Serialize(text)),
        _ => true,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
