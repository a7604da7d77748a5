using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CaseFlow.IntegrationTests.Foundation.InputSweep;

/// <summary>A JSON route that changes something: an rpc's HTTP rule (or one of its additional bindings) with a body.</summary>
public sealed record MutatingRoute(DeclaredMethod Method, string Verb, string Template, string BodyRule)
{
    public MessageDescriptor Request => Method.Descriptor.InputType;
    public string Service => Method.Descriptor.Service.FullName;
    public override string ToString() => $"{Verb} {Template} ({Method.Descriptor.Name})";

    /// <summary>The request fields bound by the route's template, by their proto path (e.g. <c>member.member_id</c>).</summary>
    public IReadOnlyList<string> PathFields => Regex.Matches(Template, @"\{([^}=]+)(=[^}]*)?\}").Select(m => m.Groups[1].Value).ToList();

    public static IReadOnlyList<MutatingRoute> All() =>
        CaseFlowMethods.All
            .SelectMany(method => method.Descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule
                ? new[] { rule }.Concat(rule.AdditionalBindings).Select(binding => (method, binding))
                : [])
            .Select(r => Of(r.method, r.binding))
            .OfType<MutatingRoute>()
            .OrderBy(r => r.Method.GrpcName).ThenBy(r => r.Template)
            .ToList();

    private static MutatingRoute? Of(DeclaredMethod method, HttpRule rule)
    {
        if (rule.Body.Length == 0) return null;
        return rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Post => new(method, "POST", rule.Post, rule.Body),
            HttpRule.PatternOneofCase.Put => new(method, "PUT", rule.Put, rule.Body),
            HttpRule.PatternOneofCase.Patch => new(method, "PATCH", rule.Patch, rule.Body),
            HttpRule.PatternOneofCase.Delete => new(method, "DELETE", rule.Delete, rule.Body),
            HttpRule.PatternOneofCase.Custom => new(method, rule.Custom.Kind, rule.Custom.Path, rule.Body),
            _ => null,
        };
    }
}

/// <summary>One call of the sweep: a well-shaped request with exactly one value made wrong, and the field that must be named.</summary>
public sealed record SweepCell(MutatingRoute Route, string What, string Path, string? Body, string ExpectedField)
{
    public override string ToString() => $"{Route} — {What} → expects '{ExpectedField}'";
}

/// <summary>
/// Builds, from the descriptors alone, a request body every field of which is well-shaped, then every variant of it
/// with one value wrong: a wrong JSON type at every field (nested and in arrays too), an over-long value in every
/// string, a malformed id in every uuid field and in every uuid bound by the path, and an empty body.
/// </summary>
public static class SweepCells
{
    private const int MaxDepth = 4;

    public static IReadOnlyList<SweepCell> Of(MutatingRoute route)
    {
        var cells = new List<SweepCell>();
        var pathFields = route.PathFields.ToHashSet();
        var validPath = PathWith(route, null);
        cells.Add(new SweepCell(route, "empty body", validPath, Body: "", ExpectedField: "body"));

        foreach (var bound in route.PathFields.Select(p => (Proto: p, Field: FieldAt(route.Request, p))).Where(b => RequestShape.IsUuid(b.Field.Last())))
            cells.Add(new SweepCell(route, $"malformed id in the path's {bound.Proto}", PathWith(route, bound.Proto),
                WellShaped(route, pathFields).ToJsonString(), JsonPath(bound.Field)));

        // A body bound to one field (body: "member") holds that message: its problems are named from the field on.
        var bodyField = route.BodyRule == "*" ? null : route.Request.FindFieldByName(route.BodyRule);
        if (bodyField is not null && (bodyField.FieldType != FieldType.Message || bodyField.IsRepeated))
            throw new NotSupportedException($"{route}: the sweep reads a body bound to a field only when it is one message");
        var target = bodyField?.MessageType ?? route.Request;
        foreach (var (jsonPath, mutate, what) in Mutations(target, bodyField?.Name ?? "", "", pathFields, 0))
        {
            var body = WellShaped(route, pathFields);
            mutate(body);
            cells.Add(new SweepCell(route, what, validPath, body.ToJsonString(), bodyField is null ? jsonPath : $"{bodyField.JsonName}.{jsonPath}"));
        }
        return cells;
    }

    /// <summary>Every way to spoil one value of the body, each as (the value's JSON path, the change, a description).</summary>
    private static IEnumerable<(string Path, Action<JsonNode> Mutate, string What)> Mutations(
        MessageDescriptor message, string protoPrefix, string jsonPrefix, HashSet<string> pathFields, int depth)
    {
        if (depth > MaxDepth) yield break;
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var protoPath = Join(protoPrefix, field.Name);
            if (pathFields.Contains(protoPath)) continue; // bound by the route, not the body
            var jsonPath = Join(jsonPrefix, field.JsonName);
            string[] at = [.. jsonPath.Split('.')];

            yield return (jsonPath, body => Set(body, at, WrongTypeFor(field, whole: true)), $"wrong type in {jsonPath}");
            if (field.IsMap) continue;

            var elementPath = field.IsRepeated ? jsonPath + "[0]" : jsonPath;
            void Replace(JsonNode body, JsonNode value)
            {
                if (field.IsRepeated) Get(body, at)!.AsArray()[0] = value;
                else Set(body, at, value);
            }

            if (field.IsRepeated)
                yield return (elementPath, body => Replace(body, WrongTypeFor(field, whole: false)), $"wrong type in {elementPath}");

            if (field.FieldType == FieldType.String)
            {
                var max = RequestShape.MaxLength(field);
                yield return (elementPath, body => Replace(body, JsonValue.Create(new string('x', max + 1))), $"{max + 1} characters in {elementPath}");
                if (RequestShape.IsUuid(field))
                    yield return (elementPath, body => Replace(body, JsonValue.Create("not-a-uuid")), $"malformed id in {elementPath}");
                if (RequestShape.IsRequestId(field))
                    yield return (elementPath, body => Replace(body, JsonValue.Create("not valid!")), $"malformed request id in {elementPath}");
            }
            else if (field.FieldType == FieldType.Message && !IsWellKnown(field.MessageType))
            {
                foreach (var nested in Mutations(field.MessageType, protoPath, elementPath, pathFields, depth + 1))
                    yield return nested;
            }
        }
    }

    /// <summary>A body in which every field not bound by the path holds a well-shaped value.</summary>
    public static JsonNode WellShaped(MutatingRoute route, HashSet<string> pathFields)
    {
        if (route.BodyRule == "*") return ObjectFor(route.Request, "", pathFields, 0);
        var field = route.Request.FindFieldByName(route.BodyRule);
        return ObjectFor(field.MessageType, field.Name, pathFields, 0);
    }

    private static JsonObject ObjectFor(MessageDescriptor message, string protoPrefix, HashSet<string> pathFields, int depth)
    {
        var json = new JsonObject();
        if (depth > MaxDepth) return json;
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var protoPath = Join(protoPrefix, field.Name);
            if (!pathFields.Contains(protoPath)) json[field.JsonName] = ValueFor(field, protoPath, pathFields, depth, whole: true);
        }
        return json;
    }

    private static JsonNode ValueFor(FieldDescriptor field, string protoPath, HashSet<string> pathFields, int depth, bool whole)
    {
        if (whole && field.IsMap) return new JsonObject { ["k"] = ValueFor(field.MessageType.FindFieldByNumber(2), protoPath, pathFields, depth, whole: false) };
        if (whole && field.IsRepeated) return new JsonArray(ValueFor(field, protoPath, pathFields, depth, whole: false));
        return field.FieldType switch
        {
            FieldType.String when RequestShape.IsUuid(field) => JsonValue.Create(Guid.NewGuid().ToString()),
            FieldType.String when RequestShape.IsRequestId(field) => JsonValue.Create("sweep-" + Guid.NewGuid().ToString("N")),
            FieldType.String => JsonValue.Create("x"),
            FieldType.Bool => JsonValue.Create(true),
            FieldType.Float or FieldType.Double => JsonValue.Create(1.5),
            FieldType.Enum => JsonValue.Create(field.EnumType.Values.Last().Name),
            FieldType.Bytes => JsonValue.Create("eA=="),
            FieldType.Message or FieldType.Group => field.MessageType.FullName switch
            {
                "google.protobuf.Timestamp" => JsonValue.Create("2020-04-02T09:00:00Z"),
                "google.protobuf.Duration" => JsonValue.Create("1s"),
                "google.protobuf.Struct" => new JsonObject(),
                _ => ObjectFor(field.MessageType, protoPath, pathFields, depth + 1),
            },
            _ => JsonValue.Create(1),
        };
    }

    /// <summary>A value no proto3 JSON parser reads as this field: text for numbers, objects and arrays, a number for text.</summary>
    private static JsonNode WrongTypeFor(FieldDescriptor field, bool whole) =>
        !whole || !field.IsRepeated && !field.IsMap
            ? field.FieldType switch
            {
                FieldType.String or FieldType.Bytes => JsonValue.Create(12345),
                FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => JsonValue.Create("yesterday"),
                _ => JsonValue.Create("forty-two"),
            }
            : JsonValue.Create("forty-two");

    private static bool IsWellKnown(MessageDescriptor message) => message.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal);

    private static string PathWith(MutatingRoute route, string? malformed) =>
        Regex.Replace(route.Template, @"\{([^}=]+)(=[^}]*)?\}", m =>
        {
            var field = FieldAt(route.Request, m.Groups[1].Value).Last();
            return m.Groups[1].Value == malformed ? "not-a-uuid" : RequestShape.IsUuid(field) ? Guid.NewGuid().ToString() : "x";
        });

    private static IReadOnlyList<FieldDescriptor> FieldAt(MessageDescriptor message, string protoPath)
    {
        var fields = new List<FieldDescriptor>();
        foreach (var name in protoPath.Split('.'))
        {
            var field = message.FindFieldByName(name);
            fields.Add(field);
            if (field.FieldType == FieldType.Message) message = field.MessageType;
        }
        return fields;
    }

    private static string JsonPath(IEnumerable<FieldDescriptor> fields) => string.Join(".", fields.Select(f => f.JsonName));

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <summary>The node at a JSON path like <c>applicant.documents[0].number</c> split at dots.</summary>
    private static JsonNode? Get(JsonNode root, string[] path)
    {
        var node = root;
        foreach (var step in path) node = Step(node!, step);
        return node;
    }

    private static void Set(JsonNode root, string[] path, JsonNode value)
    {
        var parent = Get(root, path[..^1])!;
        var (name, index) = Split(path[^1]);
        if (index is null) parent.AsObject()[name] = value;
        else parent.AsObject()[name]!.AsArray()[index.Value] = value;
    }

    private static JsonNode? Step(JsonNode node, string step)
    {
        var (name, index) = Split(step);
        var child = node.AsObject()[name];
        return index is null ? child : child!.AsArray()[index.Value];
    }

    private static (string Name, int? Index) Split(string step)
    {
        var bracket = step.IndexOf('[');
        return bracket < 0 ? (step, null) : (step[..bracket], int.Parse(step[(bracket + 1)..^1]));
    }
}
