using CaseFlow.Reunification.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Marten;

namespace CaseFlow.Reunification.Flights;

public sealed record FlightCommand(string Operation, Guid FlightId, long? ExpectedVersion, string? RequestId);

/// <summary>What a flight command decided: the flight's events, and what each touched traveller's file learns.</summary>
public sealed record FlightDecision(
    IReadOnlyList<object> FlightEvents,
    IReadOnlyList<(Guid CaseId, IReadOnlyList<object> Events)> FileEvents,
    Guid? NextFlightId = null,
    IReadOnlyList<object>? NextFlightEvents = null);

/// <summary>
/// The write path of flight commands: supervisors only (flights are not of one center), once per request id, under the
/// flight's row lock; travellers' files change in the same transaction.
/// </summary>
public sealed class FlightCommands(EventSessions sessions, IdempotentRequests requests, FlightQueues queues)
{
    public static void EnsureSupervisor(Caller caller)
    {
        if (caller.Role != Caller.Supervisor)
            throw new Forbidden($"role '{caller.Role}' cannot change charter flights: they are for supervisors");
    }

    public Task<FlightChanged> Run(FlightCommand command, IMessage request, Caller caller,
        Func<IDocumentSession, Flight, Task<FlightDecision>> decide, CancellationToken ct)
    {
        EnsureSupervisor(caller);
        // Travellers' files are written here too; a file changed meanwhile is decided again, as in StreamCommands.
        return ConflictRetry.Run(command.ExpectedVersion, () => Attempt(command, request, caller, decide, ct));
    }

    private async Task<FlightChanged> Attempt(FlightCommand command, IMessage request, Caller caller,
        Func<IDocumentSession, Flight, Task<FlightDecision>> decide, CancellationToken ct)
    {
        await using var session = sessions.ForCaller(caller, command.RequestId);
        return await queues.InTurn(command.FlightId, () => requests.RunOnce(session, $"reunification.{command.Operation}", command.RequestId, request, async () =>
        {
            var stream = await session.Lock(command.FlightId, command.ExpectedVersion, ct);
            var flight = stream.Flight();
            var decision = await decide(session, flight);
            stream.AppendMany(decision.FlightEvents);
            if (decision is { NextFlightId: { } next, NextFlightEvents: { } nextEvents }) session.Events.Append(next, nextEvents.ToArray());
            foreach (var (caseId, events) in decision.FileEvents) session.Events.Append(caseId, events.ToArray());
            var after = decision.FlightEvents.Aggregate(flight, (f, e) => f.After(e));
            return new FlightChanged { FlightId = flight.Id.ToString(), Version = (int)(stream.CurrentVersion ?? 0), Status = after.Status.Name() };
        }, ct), ct);
    }

    public static FlightCommand Parse(string operation, string flightId, string? requestId, bool hasVersion, long expectedVersion,
        InputCheck check) =>
        new(operation, check.Id(flightId, "flightId"), StreamCommand.Version(hasVersion, expectedVersion, check), requestId);
}
