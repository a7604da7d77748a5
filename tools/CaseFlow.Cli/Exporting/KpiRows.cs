using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Cli.Exporting;

/// <summary>One figure's value for one combination of its dimensions, e.g. (caseload.by_province, value=Osh, count, 2).</summary>
public sealed record KpiRow(string Figure, IReadOnlyList<KeyValuePair<string, string>> Dimensions, string Measure, double Value)
{
    /// <summary>The dimensions as one cell: <c>sex=female;age_group=child</c>, empty for a total.</summary>
    public string DimensionText => string.Join(";", Dimensions.Select(d => $"{d.Key}={d.Value}"));
}

/// <summary>
/// Every figure table of a statistics answer as long-format rows, read from the message's descriptor so a figure added
/// to a proto is exported without touching this: a figure is a message field (its <c>key</c>, or the service's name and
/// the field's); its text fields are dimensions and its numbers measures, those of a repeated field one set per item.
/// The answer's filter and time are not figures, and a field marked personal is never read.
/// </summary>
public static class KpiRows
{
    public static IEnumerable<KpiRow> Of(IMessage statistics, string service)
    {
        foreach (var field in statistics.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message || field.MessageType == Timestamp.Descriptor || field.Name == "filter" || RowFiles.IsPersonal(field))
                continue;
            var figure = $"{service}.{field.Name}";
            if (field.IsRepeated)
            {
                foreach (IMessage item in (System.Collections.IList)field.Accessor.GetValue(statistics))
                    foreach (var row in Item(figure, item, [])) yield return row;
                continue;
            }
            if (!field.Accessor.HasValue(statistics)) continue;
            var table = (IMessage)field.Accessor.GetValue(statistics);
            if (table.Descriptor.FindFieldByName("key") is { } key && key.Accessor.GetValue(table) is string { Length: > 0 } named) figure = named;
            foreach (var row in Item(figure, table, ["key"])) yield return row;
            foreach (var list in table.Descriptor.Fields.InFieldNumberOrder().Where(f => f.IsRepeated && f.FieldType == FieldType.Message && !RowFiles.IsPersonal(f)))
                foreach (IMessage item in (System.Collections.IList)list.Accessor.GetValue(table))
                    foreach (var row in Item(figure, item, [])) yield return row;
        }
    }

    /// <summary>The measures of one message, each with the message's text fields as its dimensions.</summary>
    private static IEnumerable<KpiRow> Item(string figure, IMessage item, string[] skip)
    {
        var fields = item.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated && !RowFiles.IsPersonal(f) && !skip.Contains(f.Name)).ToList();
        var dimensions = fields.Where(f => f.FieldType == FieldType.String)
            .Select(f => KeyValuePair.Create(f.Name, (string)f.Accessor.GetValue(item))).ToList();
        foreach (var measure in fields)
            if (Number(measure.Accessor.GetValue(item)) is { } value)
                yield return new KpiRow(figure, dimensions, measure.Name, value);
    }

    private static double? Number(object value) => value switch
    {
        int or long or uint or ulong or float or double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
