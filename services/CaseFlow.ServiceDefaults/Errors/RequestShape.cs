using System.Collections;
using CaseFlow.Options.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// The shape every request must have, read from its protobuf descriptor so that a new field cannot forget it: every
/// string has a length limit (<see cref="DefaultMaxLength"/>, or the field's <c>(caseflow.options.v1.field).max_length</c>),
/// fields marked <c>uuid</c> hold UUIDs, and every <c>request_id</c> follows <see cref="RequestIdRule"/>. Nested
/// messages, repeated fields and maps are walked; each problem names the value's JSON path, e.g.
/// <c>applicant.documents[0].number</c>. What a value means (a known center, a date) is for the command's own parse.
/// </summary>
public static class RequestShape
{
    public const int DefaultMaxLength = InputCheck.MaxText;
    private const string RequestIdField = "request_id";

    public static IReadOnlyList<FieldProblem> Problems(IMessage request)
    {
        var problems = new List<FieldProblem>();
        Walk(request, "", problems);
        return problems;
    }

    /// <summary>The length limit of a string field (also of each string of a repeated field or map).</summary>
    public static int MaxLength(FieldDescriptor field) =>
        Rules(field) is { MaxLength: > 0 } rules ? rules.MaxLength
        : field.Name == RequestIdField ? RequestIdRule.MaxLength
        : DefaultMaxLength;

    public static bool IsUuid(FieldDescriptor field) => Rules(field)?.Uuid == true;

    public static bool IsRequestId(FieldDescriptor field) => field.Name == RequestIdField && field.FieldType == FieldType.String;

    public static string PathOf(string parent, FieldDescriptor field) =>
        parent.Length == 0 ? field.JsonName : $"{parent}.{field.JsonName}";

    private static Field? Rules(FieldDescriptor field) => field.GetOptions()?.GetExtension(OptionsExtensions.Field);

    private static void Walk(IMessage message, string path, List<FieldProblem> problems)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            var at = PathOf(path, field);
            if (field.IsMap)
            {
                var (keyField, valueField) = (field.MessageType.FindFieldByNumber(1), field.MessageType.FindFieldByNumber(2));
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    var entryPath = $"{at}[{entry.Key}]";
                    if (entry.Key is string key) CheckText(keyField, key, entryPath, problems);
                    Check(valueField, entry.Value, entryPath, problems);
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (IList)value) Check(field, item, $"{at}[{index++}]", problems);
            }
            else Check(field, value, at, problems);
        }
    }

    private static void Check(FieldDescriptor field, object? value, string path, List<FieldProblem> problems)
    {
        switch (value)
        {
            case string text: CheckText(field, text, path, problems); break;
            case IMessage nested: Walk(nested, path, problems); break;
        }
    }

    private static void CheckText(FieldDescriptor field, string text, string path, List<FieldProblem> problems)
    {
        if (text.Length == 0) return; // not given: whether it is required is the command's business
        var max = MaxLength(field);
        if (text.Length > max)
            problems.Add(new FieldProblem(path, $"must be at most {max} characters (it has {text.Length})"));
        else if (IsRequestId(field) && RequestIdRule.ProblemWith(text) is { } problem)
            problems.Add(new FieldProblem(path, problem));
        else if (IsUuid(field) && !(Guid.TryParse(text, out var id) && id != Guid.Empty))
            problems.Add(new FieldProblem(path, $"'{(text.Length <= 40 ? text : text[..37] + "…")}' is not a valid id"));
    }
}

/// <summary>
/// A client's request id, the same in every service: optional (a call without one is simply not protected against
/// its own retry); when given, 1–128 characters of ASCII letters, digits and <c>-_.:</c>, so a UUID, <c>r-1</c> or
/// <c>batch:7.2</c> all do.
/// </summary>
public static class RequestIdRule
{
    public const int MaxLength = 128;

    public static string? ProblemWith(string requestId) =>
        requestId.Length is 0 or > MaxLength || !requestId.All(IsAllowed)
            ? $"must be 1–{MaxLength} characters of letters, digits and -_.: (a UUID will do)"
            : null;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
