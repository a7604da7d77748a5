using JasperFx.Events;

namespace CaseFlow.ServiceDefaults.Messaging;

/// <summary>
/// Which committed domain events a service publishes, and as which integration event. Domain events stay
/// private; only these mapped, versioned contracts leave the service.
/// </summary>
public abstract class IntegrationEventMap
{
    private readonly Dictionary<Type, Func<IEvent, object>> maps = [];

    protected void Publish<TEvent>(Func<IEvent<TEvent>, object> toMessage) where TEvent : notnull =>
        maps[typeof(TEvent)] = e => toMessage((IEvent<TEvent>)e);

    public IReadOnlyCollection<Type> EventTypes => maps.Keys;

    public object? ToMessage(IEvent e) => maps.TryGetValue(e.EventType, out var map) ? map(e) : null;
}
