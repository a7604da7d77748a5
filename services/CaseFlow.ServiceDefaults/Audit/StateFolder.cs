using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>
/// Folds any chosen subset of a stream's events (those that had happened by a business date, or that were
/// recorded by a time) through the state's own Create/Apply methods — the same ones Marten's projection uses.
/// </summary>
public static class StateFolder
{
    public static (TState? State, long Version, int Applied) Fold<TState>(IEnumerable<IEvent> events) where TState : class
    {
        TState? state = null;
        long version = 0;
        var applied = 0;
        foreach (var e in events.OrderBy(e => e.Version))
        {
            var eventType = e.Data.GetType();
            if (state is null)
            {
                if (Method(typeof(TState), "Create", eventType) is not { } create) continue;
                state = (TState)create.Invoke(null, [e.Data])!;
            }
            else if (Method(typeof(TState), "Apply", eventType) is { } apply)
            {
                var result = apply.Invoke(state, [e.Data]);
                if (result is TState next) state = next;
            }
            version = e.Version;
            applied++;
        }
        if (state is not null && typeof(TState).GetProperty("Version") is { CanWrite: true } property)
            property.SetValue(state, property.PropertyType == typeof(int) ? (object)(int)version : version);
        return (state, version, applied);
    }

    private static readonly ConcurrentDictionary<(Type State, string Name, Type Event), MethodInfo?> Methods = new();

    private static MethodInfo? Method(Type state, string name, Type eventType) => Methods.GetOrAdd((state, name, eventType),
        key => key.State.GetMethod(key.Name, BindingFlags.Public | (key.Name == "Create" ? BindingFlags.Static : BindingFlags.Instance), [key.Event]));
}
