using System.Globalization;
using CsvHelper;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Cli.Exporting;

/// <summary>Where exported rows go, one at a time as they arrive: a CSV file or a JSON array.</summary>
public interface IRowFile : IAsyncDisposable
{
    Task Write(IMessage row);
}

/// <summary>
/// The files an export writes, with their columns read from the row message's descriptor: every field in field-number
/// order, named as in the proto, except the fields marked personal when the service said the caller may not see them.
/// </summary>
public static class RowFiles
{
    public static IRowFile Open(string format, TextWriter output, MessageDescriptor row, bool personalColumns)
    {
        var columns = row.Fields.InFieldNumberOrder().Where(field => personalColumns || !IsPersonal(field)).ToList();
        return format switch
        {
            "csv" => new CsvRows(output, columns),
            "json" => new JsonRows(output, columns),
            _ => throw new ArgumentException($"unknown format '{format}'; use csv or json", nameof(format)),
        };
    }

    public static bool IsPersonal(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(CaseFlow.Options.V1.OptionsExtensions.Field) is { Personal: true };

    /// <summary>A cell as text: timestamps in ISO 8601 UTC, numbers in the invariant culture, an unset timestamp empty.</summary>
    public static string Cell(FieldDescriptor field, IMessage row) => field.Accessor.GetValue(row) switch
    {
        null => "",
        Timestamp at => at.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };

    /// <summary>CsvHelper does the quoting; a header row names the columns. UTF-8 without a byte order mark.</summary>
    private sealed class CsvRows : IRowFile
    {
        private readonly CsvWriter csv;
        private readonly IReadOnlyList<FieldDescriptor> columns;

        public CsvRows(TextWriter output, IReadOnlyList<FieldDescriptor> columns)
        {
            this.columns = columns;
            csv = CsvWriter.Create(output, null, true);
            csv.WriteHeader([.. columns.Select(column => column.Name)]);
        }

        public async Task Write(IMessage row) => await csv.WriteRecordAsync([.. columns.Select(column => Cell(column, row))]);

        public async ValueTask DisposeAsync()
        {
            await csv.FlushAsync();
            await csv.DisposeAsync();
        }
    }

    /// <summary>One JSON array, an object a row as the JSON API writes it (camelCase names, defaults included).</summary>
    private sealed class JsonRows(TextWriter output, IReadOnlyList<FieldDescriptor> columns) : IRowFile
    {
        private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
        private bool first = true;

        public async Task Write(IMessage row)
        {
            var json = Formatter.Format(row);
            if (columns.Count < row.Descriptor.Fields.InFieldNumberOrder().Count) json = Without(json, row.Descriptor);
            await output.WriteAsync(first ? "[\n  " : ",\n  ");
            await output.WriteAsync(json);
            first = false;
        }

        /// <summary>The fields left out are left out of the object too, not written as empty strings.</summary>
        private string Without(string json, MessageDescriptor type)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            foreach (var field in type.Fields.InFieldNumberOrder().Except(columns)) node.Remove(field.JsonName);
            return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public async ValueTask DisposeAsync()
        {
            await output.WriteAsync(first ? "[]\n" : "\n]\n");
            await output.FlushAsync();
        }
    }
}
