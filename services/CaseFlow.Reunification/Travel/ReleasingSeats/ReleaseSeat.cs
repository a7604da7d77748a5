using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Travel.ReleasingSeats;

public sealed record ReleaseSeat(string Reason, DateTimeOffset OccurredAt);

public static class ReleaseSeatRules
{
    public static (FileCommand, ReleaseSeat) Parse(ReleaseSeatRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var reason = check.Text(request.Reason, "reason", "why the seat is released");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("ReleaseSeat", caseId, version, request.RequestId), new ReleaseSeat(reason, occurredAt));
    }

    public static TravelDecision Decide(ReunificationFile file, Flight? flight, ReleaseSeat command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage is not (ReunificationStage.Waitlisted or ReunificationStage.TravelArranged))
            throw new RuleViolated($"the traveller of case {file.Id} holds no seat nor waitlist place ({file.Stage.Name()})");
        return new TravelDecision(
            [new SeatReleased(file.Id, file.Booking?.FlightId, command.Reason, command.OccurredAt)],
            LeaveFlight.Decide(flight, file.Id, command.Reason, command.OccurredAt));
    }
}

public sealed class ReleaseSeatHandler(EventSessions sessions, IdempotentRequests requests, FlightQueues queues, TimeProvider clock)
{
    public async Task<ReunificationChanged> Handle(ReleaseSeatRequest request, Caller caller, CancellationToken ct)
    {
        var (command, release) = ReleaseSeatRules.Parse(request, clock.GetUtcNow());
        return await ConflictRetry.Run(command.ExpectedVersion, async () =>
        {
            await using var session = sessions.ForCaller(caller, request.RequestId);
            var flightId = (await session.Peek(command.CaseId, caller, ct)).Booking?.FlightId;
            return await queues.InTurn(flightId, () => requests.RunOnce(session, command.ForStream.Operation, request.RequestId, request, async () =>
            {
                var (file, version) = await FileAndFlight.Change(session, command.CaseId, command.ExpectedVersion, caller,
                    (file, flight) => ReleaseSeatRules.Decide(file, flight, release), ct);
                return FileCommands.Changed(file, version);
            }, ct), ct);
        });
    }
}
