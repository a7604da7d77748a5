using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Travel.Departing;

public sealed record RecordMovement(string? Note, DateTimeOffset OccurredAt);

/// <summary>
/// Departure and arrival of travel outside a charter (e.g. the parent flies on a scheduled airline). A charter's
/// passengers depart with their flight; their arrival may be recorded here when the flight's is not yet.
/// </summary>
public static class RecordOwnTravelRules
{
    public static (FileCommand, RecordMovement) Parse(string operation, string caseId, string requestId, bool hasVersion,
        long expectedVersion, Google.Protobuf.WellKnownTypes.Timestamp? occurredAt, string note, DateTimeOffset now)
    {
        var check = new InputCheck();
        var id = check.Id(caseId, "caseId");
        var text = check.OptionalText(note, "note");
        var at = check.OccurredAt(occurredAt, now);
        var version = StreamCommand.Version(hasVersion, expectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand(operation, id, version, requestId), new RecordMovement(text, at));
    }

    public static IReadOnlyList<object> DecideDeparture(ReunificationFile file, RecordMovement command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage == ReunificationStage.InTransit) return [];
        if (file.Booking is not null)
            throw new RuleViolated($"case {file.Id} is booked on a charter: its departure is recorded with the flight");
        if (file.Stage != ReunificationStage.Planned)
            throw new RuleViolated($"the traveller of case {file.Id} cannot depart while {file.Stage.Name()}: choose a plan first");
        return [new Departed(file.Id, null, command.Note, command.OccurredAt)];
    }

    public static IReadOnlyList<object> DecideArrival(ReunificationFile file, RecordMovement command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage == ReunificationStage.Arrived) return [];
        if (file.Stage != ReunificationStage.InTransit)
            throw new RuleViolated($"the traveller of case {file.Id} has not departed ({file.Stage.Name()})");
        return [new Arrived(file.Id, file.Booking?.FlightId, command.Note, command.OccurredAt)];
    }
}

public sealed class RecordOwnTravelHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(RecordDepartureRequest r, Caller caller, CancellationToken ct)
    {
        var (command, departure) = RecordOwnTravelRules.Parse("RecordDeparture", r.CaseId, r.RequestId, r.HasExpectedVersion,
            r.ExpectedVersion, r.OccurredAt, r.Note, clock.GetUtcNow());
        return commands.Run(command, r, caller, file => RecordOwnTravelRules.DecideDeparture(file, departure), ct);
    }

    public Task<ReunificationChanged> Handle(RecordArrivalRequest r, Caller caller, CancellationToken ct)
    {
        var (command, arrival) = RecordOwnTravelRules.Parse("RecordArrival", r.CaseId, r.RequestId, r.HasExpectedVersion,
            r.ExpectedVersion, r.OccurredAt, r.Note, clock.GetUtcNow());
        return commands.Run(command, r, caller, file => RecordOwnTravelRules.DecideArrival(file, arrival), ct);
    }
}
