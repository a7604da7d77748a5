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
    public static (TState? State, long Version, int Applied) Fold<TState>(IEnumerable<IEvent> events) where TState : class =>
        Fold<TState>(events.Select(e => (e.Version, e.Data)));

    /// <summary>As above, over event data given with its version (a corrected copy: <see cref="BusinessTimes"/>).</summary>
    public static (TState? State, long Version, int Applied) Fold<TState>(IEnumerable<(long Version, object Data)> events) where TState : class
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

    /// <summary>
    /// One event folded into the state through its Create/Apply method, as Marten folds it; an event the state has no
    /// method for is an error, never silently skipped (the given-when-then tests fold through this).
    /// </summary>
    public static TState Evolve<TState>(TState? state, object @event) where TState : class
    {
        var eventType = @event.GetType();
        if (state is null)
            return Method(typeof(TState), "Create", eventType) is { } create
                ? (TState)create.Invoke(null, [@event])!
                : throw new InvalidOperationException($"{typeof(TState).Name} cannot start from a {eventType.Name}");
        var apply = Method(typeof(TState), "Apply", eventType)
            ?? throw new InvalidOperationException($"{typeof(TState).Name} has no Apply({eventType.Name})");
        return apply.Invoke(state, [@event]) as TState ?? state;
    }

    private static readonly ConcurrentDictionary<(Type State, string Name, Type Event), MethodInfo?> Methods = new();

    private static MethodInfo? Method(Type state, string name, Type eventType) => Methods.GetOrAdd((state, name, eventType),
        key => key.State.GetMethod(key.Name, BindingFlags.Public | (key.Name == "Create" ? BindingFlags.Static : BindingFlags.Instance), [key.Event]));
}
