using System.Reflection;
using JasperFx.Events;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// A correction of an earlier fact's business time (entered wrongly): its own event, so the history keeps the time first
/// recorded and the correction with its own record time ("what did we know when").
/// </summary>
public interface IBusinessTimeCorrection
{
    /// <summary>The version, in the same stream, of the fact whose business time is corrected.</summary>
    long FactVersion { get; }

    /// <summary>When the fact really happened.</summary>
    DateTimeOffset CorrectedAt { get; }
}

/// <summary>The business times of a stream's facts as corrected by the corrections among the same events.</summary>
public static class BusinessTimes
{
    /// <summary>Per corrected fact's version, its corrected time: the last correction among <paramref name="events"/> wins.</summary>
    public static IReadOnlyDictionary<long, DateTimeOffset> Corrected(IEnumerable<IEvent> events)
    {
        var corrected = new Dictionary<long, DateTimeOffset>();
        foreach (var e in events.OrderBy(e => e.Version))
            if (e.Data is IBusinessTimeCorrection c) corrected[c.FactVersion] = c.CorrectedAt;
        return corrected;
    }

    /// <summary>When the event happened, corrected; its record time when it carries no business time.</summary>
    public static DateTimeOffset Of(IEvent e, IReadOnlyDictionary<long, DateTimeOffset> corrected) =>
        corrected.TryGetValue(e.Version, out var at) ? at : HashChain.OccurredAt(e.Data) ?? e.Timestamp;

    /// <summary>The event's data as if recorded with its corrected time (a copy: the stored event is never changed).</summary>
    public static object Data(IEvent e, IReadOnlyDictionary<long, DateTimeOffset> corrected) =>
        corrected.TryGetValue(e.Version, out var at) ? WithOccurredAt(e.Data, at) : e.Data;

    /// <summary>A copy of a record event with another OccurredAt (through the record's own clone and init setter).</summary>
    public static object WithOccurredAt(object data, DateTimeOffset at)
    {
        var type = data.GetType();
        if (type.GetProperty("OccurredAt") is not { } property || property.PropertyType != typeof(DateTimeOffset)
            || type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not { } clone) return data;
        var copy = clone.Invoke(data, null)!;
        property.SetValue(copy, at);
        return copy;
    }
}
