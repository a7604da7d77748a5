namespace CaseFlow.Reunification.Preparation.RecordingConsent;

/// <summary>The guardian's consent to the child's travel: one of the three things a child needs for a seat.</summary>
public sealed record RecordConsent(string GivenBy, string? Note, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RecordConsent) Parse(RecordConsentRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordConsent", r.CaseId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordConsent(check.Text(r.GivenBy, "givenBy", "who gave the consent", TextLimits.Name),
                check.OptionalText(r.Note, "note"), at));

    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordConsent command)
    {
        FileRules.EnsureNotTravelling(file);
        return [new ConsentRecorded(file.Id, command.GivenBy, command.Note, command.OccurredAt)];
    }
}
