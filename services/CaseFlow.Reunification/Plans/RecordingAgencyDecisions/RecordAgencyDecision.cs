namespace CaseFlow.Reunification.Plans.RecordingAgencyDecisions;

public sealed record RecordAgencyDecision(Guid? LetterId, string Agency, string Decision, string Summary, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RecordAgencyDecision) Parse(RecordAgencyDecisionRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordAgencyDecision", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordAgencyDecision(null, check.Text(r.Agency, "agency", "the agency", TextLimits.Name),
                check.OneOf(r.Decision, AgencyDecisions.All, "decision", "decision"),
                check.Text(r.Summary, "summary", "what the agency decided"), at));

    /// <summary>
    /// Decisions are kept against the plan of an open file. A reply that comes before any separation is on file is
    /// kept too: it may well be the reason for the plan chosen later.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordAgencyDecision command)
    {
        if (file.Stage.IsOver()) throw new RuleViolated($"the reunification of case {file.Id} is over ({file.Stage.Name()})");
        return [new AgencyDecisionRecorded(file.Id, command.LetterId, command.Agency, command.Decision, file.OfApplicant(command.Summary), command.OccurredAt)];
    }
}
