using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;
using Marten;

namespace CaseFlow.Reunification.Travel.RequestingSeats;

public sealed class RequestSeatHandler(EventSessions sessions, IdempotentRequests requests, FlightQueues queues, TimeProvider clock)
{
    public Task<SeatRequestAnswer> Handle(RequestSeatRequest request, Caller caller, CancellationToken ct)
    {
        var (command, seat) = RequestSeatRules.Parse(request, clock.GetUtcNow());
        return ConflictRetry.Run(command.ExpectedVersion, () => Attempt(request, command, seat, caller, ct));
    }

    private async Task<SeatRequestAnswer> Attempt(RequestSeatRequest request, FileCommand command, RequestSeat seat, Caller caller, CancellationToken ct)
    {
        await using var session = sessions.ForCaller(caller, request.RequestId);
        await session.Peek(command.CaseId, caller, ct);
        var flightId = seat.FlightId ?? await NextOnRoute(session, seat, ct);
        return await queues.InTurn(flightId, () => requests.RunOnce(session, command.ForStream.Operation, request.RequestId, request, async () =>
        {
            var flight = flightId is { } id ? await session.Lock(id, null, ct) : null;
            var file = await session.FetchFile(command.CaseId, command.ExpectedVersion, caller, ct);

            var decision = RequestSeatRules.Decide(file.Aggregate!, flight?.Flight(), seat);
            file.AppendMany(decision.FileEvents);
            flight?.AppendMany(decision.FlightEvents);
            var after = file.Aggregate!.After(decision.FileEvents);
            return new SeatRequestAnswer
            {
                CaseId = command.CaseId.ToString(),
                Version = (int)(file.CurrentVersion ?? 0),
                Stage = after.Stage.Name(),
                FlightId = after.Booking?.FlightId?.ToString() ?? "",
                Outcome = after.Booking is { Seated: true } ? "seated" : "waitlisted",
            };
        }, ct), ct);
    }

    /// <summary>The earliest open flight of the route with a free seat, else the earliest (to wait on), else none yet.</summary>
    private static async Task<Guid?> NextOnRoute(IDocumentSession session, RequestSeat seat, CancellationToken ct)
    {
        var open = await session.OpenOnRoute(seat.From, seat.To, DateOnly.FromDateTime(seat.OccurredAt.UtcDateTime), ct);
        return (open.FirstOrDefault(f => f.FreeSeats > 0) ?? open.FirstOrDefault())?.Id;
    }
}
