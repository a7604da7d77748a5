namespace CaseFlow.Reunification.Reunions.Completing;

public sealed record RecordReunion(string HandedOverTo, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RecordReunion) Parse(RecordReunionRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordReunion", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordReunion(
                check.Text(r.HandedOverTo, "handedOverTo", "to whom the traveller was handed over", TextLimits.Name), at));

    /// <summary>The family is together again once the traveller has arrived; days apart run from the separation to this day.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordReunion command)
    {
        var member = FileRules.EnsureOpen(file);
        if (file.Stage != ReunificationStage.Arrived)
            throw new RuleViolated($"the traveller of case {file.Id} has not arrived ({file.Stage.Name()}): a reunion requires the arrival");
        // Business times reach us in UTC; the day of the reunion is taken in UTC too.
        var reunitedOn = DateOnly.FromDateTime(command.OccurredAt.UtcDateTime);
        var days = reunitedOn.DayNumber - member.SeparatedSince.DayNumber;
        if (days < 0) throw new RuleViolated($"the reunion ({reunitedOn:yyyy-MM-dd}) cannot be before the separation ({member.SeparatedSince:yyyy-MM-dd})");
        return [new Reunited(file.Id, file.CenterId, member.MemberId, file.OfApplicant(command.HandedOverTo), member.SeparatedSince, reunitedOn, days,
            command.OccurredAt)];
    }
}
