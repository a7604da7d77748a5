using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>The sealed values inside an event or a document, found by walking its CaseFlow types (cached per type).</summary>
public static class SealedValues
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> properties = new();

    public static IEnumerable<ISealed> In(object? value) => In(value, 0);

    private static IEnumerable<ISealed> In(object? value, int depth)
    {
        if (value is null || depth > 8) yield break;
        if (value is ISealed found)
        {
            yield return found;
            yield break;
        }
        if (value is string) yield break;
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                foreach (var inner in In(item, depth + 1)) yield return inner;
            yield break;
        }
        foreach (var property in PropertiesOf(value.GetType()))
            foreach (var inner in In(property.GetValue(value), depth + 1)) yield return inner;
    }

    /// <summary>Only CaseFlow's own types can hold a sealed value; framework types are not walked.</summary>
    private static PropertyInfo[] PropertiesOf(Type type) => properties.GetOrAdd(type, t =>
        t.Namespace?.StartsWith("CaseFlow", StringComparison.Ordinal) == true && !t.IsEnum && !t.IsPrimitive
            ? t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && !p.PropertyType.IsPrimitive && !p.PropertyType.IsEnum)
                .ToArray()
            : []);
}
