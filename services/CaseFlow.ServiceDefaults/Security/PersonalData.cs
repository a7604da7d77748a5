using System.Collections;
using CaseFlow.Options.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CaseFlow.ServiceDefaults.Security;

/// <summary>
/// What leaves a call, behind the declarations of who may call what: the fields marked
/// <c>(caseflow.options.v1.field).personal</c> are cleared (strings, nested messages, repeated fields, maps, a personal
/// Struct entirely) for a role that does not declare <c>sees_personal_data</c>, and — on a call that holds the caller to
/// their own center — in every message naming another center by its <c>center_id</c>.
/// </summary>
public static class PersonalData
{
    private static readonly Lazy<IReadOnlySet<string>> seeing = new(() =>
        OptionsReflection.Descriptor.FindTypeByName<EnumDescriptor>("Role").Values
            .Where(value => value.GetOptions()?.GetExtension(OptionsExtensions.Role) is { SeesPersonalData: true })
            .Select(value => CaseFlowMethods.RoleName((Role)value.Number))
            .ToHashSet());

    /// <summary>Whether the role's declaration lets it see personal data.</summary>
    public static bool SeenBy(string role) => seeing.Value.Contains(role);

    public static bool IsPersonal(FieldDescriptor field) => field.GetOptions()?.GetExtension(OptionsExtensions.Field) is { Personal: true };

    /// <summary>The answer of a call as its caller may see it: a redacted copy when anything may have to go.</summary>
    public static T ShownTo<T>(T response, ServerCallContext context)
    {
        if (!CaseFlowMethods.IsCaseFlow(context.Method) || response is not IMessage message) return response;
        var caller = Caller.From(context);
        var hideAll = !SeenBy(caller.Role);
        if (!hideAll && !caller.HeldToOwnCenter) return response;
        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
        Clear(copy, caller, hideAll);
        return (T)copy;
    }

    /// <summary>A server stream whose every message is shown to the caller like a unary answer.</summary>
    public static IServerStreamWriter<T> ShownTo<T>(IServerStreamWriter<T> stream, ServerCallContext context) =>
        CaseFlowMethods.IsCaseFlow(context.Method) ? new ShownStream<T>(stream, context) : stream;

    /// <summary>Clears the personal fields of a message (and of the messages in it) that this caller may not see.</summary>
    public static void Clear(IMessage message, Caller caller, bool hideAll)
    {
        var hide = hideAll || (caller.HeldToOwnCenter && OfAnotherCenter(message, caller));
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (hide && IsPersonal(field))
            {
                field.Accessor.Clear(message);
                continue;
            }
            if (field.FieldType != FieldType.Message || IsWellKnown(field)) continue;
            var value = field.Accessor.GetValue(message);
            var nested = field.IsMap ? ((IDictionary)value).Values.OfType<IMessage>()
                : field.IsRepeated ? ((IList)value).OfType<IMessage>()
                : value is IMessage one ? [one] : [];
            foreach (var inner in nested) Clear(inner, caller, hide);
        }
    }

    private static bool IsWellKnown(FieldDescriptor field) =>
        !field.IsMap && field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal);

    private static bool OfAnotherCenter(IMessage message, Caller caller) =>
        message.Descriptor.FindFieldByName("center_id") is { FieldType: FieldType.String, IsRepeated: false } field
        && field.Accessor.GetValue(message) is string { Length: > 0 } center
        && center != caller.Center;

    private sealed class ShownStream<T>(IServerStreamWriter<T> inner, ServerCallContext context) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

        public Task WriteAsync(T message) => inner.WriteAsync(ShownTo(message, context));
    }
}
