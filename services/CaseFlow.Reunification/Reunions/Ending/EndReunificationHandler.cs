using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Travel;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Reunions.Ending;

public sealed class EndReunificationHandler(EventSessions sessions, IdempotentRequests requests, FlightQueues queues, TimeProvider clock)
{
    public async Task<ReunificationChanged> Handle(EndReunificationRequest request, bool failed, Caller caller, CancellationToken ct)
    {
        var (command, end) = EndReunificationRules.Parse(request, failed, clock.GetUtcNow());
        return await ConflictRetry.Run(command.ExpectedVersion, async () =>
        {
            await using var session = sessions.ForCaller(caller, request.RequestId);
            var flightId = (await session.Peek(command.CaseId, caller, ct)).Booking?.FlightId;
            return await queues.InTurn(flightId, () => requests.RunOnce(session, command.ForStream.Operation, request.RequestId, request, async () =>
            {
                var (file, version) = await FileAndFlight.Change(session, command.CaseId, command.ExpectedVersion, caller,
                    (file, flight) => EndReunificationRules.Decide(file, flight, end), ct);
                return FileCommands.Changed(file, version);
            }, ct), ct);
        });
    }
}
