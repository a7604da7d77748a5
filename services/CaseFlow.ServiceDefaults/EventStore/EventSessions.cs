using System.Diagnostics;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Security;
using Marten;
using MassTransit;

namespace CaseFlow.ServiceDefaults.EventStore;

/// <summary>
/// Opens Marten sessions that stamp every appended event with who did it (user, role, center),
/// correlation and causation ids, and the W3C trace context the outbox relay continues.
/// </summary>
public sealed class EventSessions(IDocumentStore store, ServiceIdentity service)
{
    public const string RoleHeader = "actor-role";
    public const string CenterHeader = "actor-center";
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public IQuerySession Query() => store.QuerySession();

    /// <summary>A session for an API call: caused by the client's request id, correlated by the trace.</summary>
    public IDocumentSession ForCaller(Caller caller, string? requestId)
    {
        var session = store.LightweightSession();
        var activity = Activity.Current;
        Stamp(session, caller, correlationId: activity?.TraceId.ToHexString(), causationId: NullIfEmpty(requestId));
        return session;
    }

    /// <summary>A session for a consumed message: caused by that message, in the flow it belongs to.</summary>
    public IDocumentSession ForMessage(ConsumeContext message)
    {
        var session = store.LightweightSession();
        Stamp(session, Caller.System(service.Name),
            correlationId: message.CorrelationId?.ToString("N") ?? Activity.Current?.TraceId.ToHexString(),
            causationId: message.MessageId?.ToString());
        return session;
    }

    private static void Stamp(IDocumentSession session, Caller caller, string? correlationId, string? causationId)
    {
        session.LastModifiedBy = caller.User;
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
        session.SetHeader(RoleHeader, caller.Role);
        if (caller.Center is not null) session.SetHeader(CenterHeader, caller.Center);
        if (Activity.Current is { } activity)
        {
            session.SetHeader(TraceParentHeader, activity.Id!);
            if (activity.TraceStateString is { } state) session.SetHeader(TraceStateHeader, state);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
