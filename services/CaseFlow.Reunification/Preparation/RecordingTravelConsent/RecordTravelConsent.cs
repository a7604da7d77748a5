namespace CaseFlow.Reunification.Preparation.RecordingTravelConsent;

/// <summary>
/// The guardian's consent to the child's TRAVEL: one of the three things a child needs for a seat. Not the consent to
/// share personal data with agencies (Intake's GiveConsent), which the manifest's names need.
/// </summary>
public sealed record RecordTravelConsent(string GivenBy, string? Note, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RecordTravelConsent) Parse(RecordTravelConsentRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordTravelConsent", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordTravelConsent(check.Text(r.GivenBy, "givenBy", "who gave the consent to travel", TextLimits.Name),
                check.OptionalText(r.Note, "note"), at));

    /// <summary>Who consented is the guardian's (the applicant's) data; a note is the applicant's too.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordTravelConsent command)
    {
        FileRules.EnsureNotTravelling(file);
        return [new TravelConsentRecorded(file.Id, file.OfApplicant(command.GivenBy), file.OfApplicantIfAny(command.Note), command.OccurredAt)];
    }
}
