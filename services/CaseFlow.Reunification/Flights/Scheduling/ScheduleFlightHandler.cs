using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;
using Marten;

namespace CaseFlow.Reunification.Flights.Scheduling;

public sealed class ScheduleFlightHandler(EventSessions sessions, IdempotentRequests requests, TimeProvider clock)
{
    public Task<FlightChanged> Handle(ScheduleFlightRequest request, Caller caller, CancellationToken ct)
    {
        var scheduled = ScheduleFlightRules.Parse(request, Guid.CreateVersion7(), clock.GetUtcNow());
        FlightCommands.EnsureSupervisor(caller);
        return ConflictRetry.Run(expectedVersion: null, () => Attempt(request, scheduled, caller, ct));
    }

    private async Task<FlightChanged> Attempt(ScheduleFlightRequest request, FlightScheduled scheduled, Caller caller, CancellationToken ct)
    {
        await using var session = sessions.ForCaller(caller, request.RequestId);
        return await requests.RunOnce(session, "reunification.ScheduleFlight", request.RequestId, request, async () =>
        {
            ScheduleFlightRules.EnsureNew(scheduled,
                await session.Query<Flight>().Where(f => f.Number == scheduled.Number).ToListAsync(ct));
            var waiting = (await session.Query<ReunificationFile>().Where(f => f.Stage == ReunificationStage.Waitlisted).ToListAsync(ct))
                .Where(f => f.Booking is { FlightId: null } b && b.From == scheduled.From && b.To == scheduled.To)
                .ToList();
            var (flightEvents, fileEvents) = ScheduleFlightRules.SeatWaitingTravellers(scheduled, waiting);

            session.Events.StartStream<Flight>(scheduled.FlightId, [scheduled, .. flightEvents]);
            foreach (var (caseId, events) in fileEvents)
            {
                // Optimistic on each file: a traveller seated elsewhere meanwhile makes this a conflict to retry.
                var file = await session.Events.FetchForWriting<ReunificationFile>(caseId, ct);
                file.AppendMany(events);
            }
            return new FlightChanged
            {
                FlightId = scheduled.FlightId.ToString(), Version = 1 + flightEvents.Count, Status = FlightStatus.Scheduled.Name(),
            };
        }, ct);
    }
}
