using System.Collections;
using System.Collections.Concurrent;
using CaseFlow.Options.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>
/// Which personal data an answer actually shows, read from the fields the protos mark <c>personal</c>, so a new rpc or
/// field cannot forget it. Whether a message type can carry any is known once per type; an answer then shows the
/// personal data of a case when one of its personal fields is non-empty (an answer redacted for a dashboard shows none).
/// </summary>
public static class PersonalDataShown
{
    private const string CaseIdField = "case_id";
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> mayCarry = new();

    /// <summary>Whether a message of this type holds a personal field anywhere inside it.</summary>
    public static bool MayCarry(MessageDescriptor type) => mayCarry.GetOrAdd(type, t => Reaches(t, []));

    /// <summary>
    /// The cases whose personal data <paramref name="answer"/> shows: a non-empty personal field belongs to the nearest
    /// <c>case_id</c> around it in the answer (a list's summaries, a manifest's passengers, possible duplicates), else to
    /// <paramref name="requestedCase"/>; null stands for a read that names no case. Empty when nothing personal is shown.
    /// </summary>
    public static IReadOnlySet<Guid?> ShownIn(IMessage answer, Guid? requestedCase)
    {
        var cases = new HashSet<Guid?>();
        Walk(answer, requestedCase, cases);
        return cases;
    }

    /// <summary>The request's own <c>case_id</c>, when it names one.</summary>
    public static Guid? CaseOf(IMessage? message) =>
        message?.Descriptor.FindFieldByName(CaseIdField) is { FieldType: FieldType.String, IsRepeated: false } field
        && Guid.TryParse((string)field.Accessor.GetValue(message), out var id) && id != Guid.Empty ? id : null;

    private static bool Reaches(MessageDescriptor type, HashSet<MessageDescriptor> seen) =>
        seen.Add(type) && type.Fields.InFieldNumberOrder().Any(field =>
            Security.PersonalData.IsPersonal(field) || field.FieldType == FieldType.Message && Reaches(field.MessageType, seen));

    private static void Walk(IMessage message, Guid? owner, HashSet<Guid?> cases)
    {
        if (!MayCarry(message.Descriptor)) return;
        owner = CaseOf(message) ?? owner;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (Security.PersonalData.IsPersonal(field))
            {
                if (!cases.Contains(owner) && Shows(value)) cases.Add(owner);
            }
            else if (field.FieldType == FieldType.Message)
            {
                foreach (var nested in Messages(field, value)) Walk(nested, owner, cases);
            }
        }
    }

    private static IEnumerable<IMessage> Messages(FieldDescriptor field, object? value) => value switch
    {
        IDictionary map when field.IsMap => map.Values.OfType<IMessage>(),
        IList list => list.OfType<IMessage>(),
        IMessage single => [single],
        _ => [],
    };

    private static bool Shows(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        ByteString bytes => !bytes.IsEmpty,
        IMessage nested => nested.CalculateSize() > 0,
        IDictionary map => map.Count > 0,
        IList list => list.Cast<object?>().Any(Shows),
        bool flag => flag,
        Enum choice => Convert.ToInt64(choice, System.Globalization.CultureInfo.InvariantCulture) != 0,
        IConvertible number => Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) != 0,
        _ => true,
    };
}
