namespace CaseFlow.Reunification.Travel.Departing;

/// <summary>
/// Departure and arrival of travel outside a charter (e.g. the parent flies on a scheduled airline). A charter's
/// passengers depart with their flight; their arrival may be recorded here when the flight's is not yet.
/// </summary>
public sealed record RecordOwnTravel(string? Note, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RecordOwnTravel) ParseDeparture(RecordDepartureRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordDeparture", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordOwnTravel(check.OptionalText(r.Note, "note"), at));

    public static (FileCommand, RecordOwnTravel) ParseArrival(RecordArrivalRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordArrival", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordOwnTravel(check.OptionalText(r.Note, "note"), at));

    public static IReadOnlyList<object> DecideDeparture(ReunificationFile file, RecordOwnTravel command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage == ReunificationStage.InTransit) return [];
        if (file.Booking is not null)
            throw new RuleViolated($"case {file.Id} is booked on a charter: its departure is recorded with the flight");
        if (file.Stage != ReunificationStage.Planned)
            throw new RuleViolated($"the traveller of case {file.Id} cannot depart while {file.Stage.Name()}: choose a plan first");
        return [new Departed(file.Id, null, file.OfApplicantIfAny(command.Note), command.OccurredAt)];
    }

    public static IReadOnlyList<object> DecideArrival(ReunificationFile file, RecordOwnTravel command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage == ReunificationStage.Arrived) return [];
        if (file.Stage != ReunificationStage.InTransit)
            throw new RuleViolated($"the traveller of case {file.Id} has not departed ({file.Stage.Name()})");
        return [new Arrived(file.Id, file.Booking?.FlightId, file.OfApplicantIfAny(command.Note), command.OccurredAt)];
    }
}
