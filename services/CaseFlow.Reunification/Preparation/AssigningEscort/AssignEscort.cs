namespace CaseFlow.Reunification.Preparation.AssigningEscort;

/// <summary>Who travels with the child (e.g. a returning migrant on the same charter).</summary>
public sealed record AssignEscort(string EscortName, string? Note, DateTimeOffset OccurredAt)
{
    public static (FileCommand, AssignEscort) Parse(AssignEscortRequest r, DateTimeOffset now) =>
        FileCommand.Parse("AssignEscort", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new AssignEscort(check.Text(r.EscortName, "escortName", "the escort's name", TextLimits.Name),
                check.OptionalText(r.Note, "note"), at));

    /// <summary>The escort travels with the seat: once a seat is held, release it to change the escort.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, AssignEscort command)
    {
        FileRules.EnsureNotTravelling(file);
        if (file.Escort is { IsErased: false } escort && escort.Value == command.EscortName) return [];
        if (file.Booking is { Seated: true })
            throw new RuleViolated($"case {file.Id} holds a seat with an escort: release the seat to change the escort");
        return [new EscortAssigned(file.Id, file.OfEscort(command.EscortName), file.OfApplicantIfAny(command.Note), command.OccurredAt)];
    }
}
