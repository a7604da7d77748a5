namespace CaseFlow.Correspondence.Replies.Recording;

/// <param name="Summary">Sealed under the applicant: what the agency said about them.</param>
/// <param name="SentAt">When the letter went out, so response times need nothing else.</param>
public sealed record ReplyReceived(
    Guid CaseId, string CenterId, Guid LetterId, string AgencyId, string AgencyName, string Kind,
    string IncomingReference, string Decision, Sealed<string> Summary, DateTimeOffset SentAt, DateTimeOffset OccurredAt);

public sealed record RecordReply(Guid LetterId, string IncomingReference, string Decision, string Summary, DateTimeOffset ReceivedAt)
    : ILetterCommand
{
    public static (StreamCommand File, RecordReply Command) Parse(Api.V1.RecordReplyRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var reference = check.Text(request.IncomingReference, "incomingReference", max: LetterLimits.MaxReference);
        var decision = check.OneOf(request.Decision, Vocabulary.Decisions, "decision", "decision");
        var summary = check.Text(request.Summary, "summary", "a summary of the reply", LetterLimits.MaxText);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var receivedAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.RecordReply", "correspondence file of case", caseId, expected, request.RequestId),
            new RecordReply(letterId, reference, decision, summary, receivedAt));
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        var letter = file.Find(LetterId);
        letter.EnsureNotWithdrawn();
        var summary = Sealed.For(Subjects.Applicant(file.Id), Summary);
        if (letter.Reply is { } earlier)
        {
            if (earlier == new LetterReply(IncomingReference, Decision, summary, ReceivedAt)) return [];
            throw new RuleViolated($"the reply to letter {letter.Id} was already recorded on {earlier.ReceivedAt:yyyy-MM-dd}");
        }
        if (letter.SentAt is not { } sentAt)
            throw new RuleViolated($"letter {letter.Id} was never sent: there is nothing to reply to");
        LetterRules.EnsureNotBefore(ReceivedAt, sentAt, "the letter was sent");
        return
        [
            new ReplyReceived(file.Id, file.CenterId, letter.Id, letter.AgencyId, letter.AgencyName, letter.Kind,
                IncomingReference, Decision, summary, sentAt, ReceivedAt),
        ];
    }
}
