using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.Correspondence.Letters;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Correspondence.Replies.Recording;

/// <param name="SentAt">When the letter went out, so response times need nothing else.</param>
public sealed record ReplyReceived(
    Guid CaseId, string CenterId, Guid LetterId, string AgencyId, string AgencyName, string Kind,
    string IncomingReference, string Decision, string Summary, DateTimeOffset SentAt, DateTimeOffset OccurredAt);

public sealed record RecordReply(Guid LetterId, string IncomingReference, string Decision, string Summary, DateTimeOffset ReceivedAt);

public static class RecordReplyRules
{
    public static (StreamCommand Stream, RecordReply Command) Parse(RecordReplyRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var reference = check.Text(request.IncomingReference, LetterInput.MaxReferenceLength, "incomingReference");
        var decision = check.Word(request.Decision, Vocabulary.Decisions, "decision", "decision");
        var summary = check.Text(request.Summary, LetterInput.MaxTextLength, "summary", "a summary of the reply");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var receivedAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.RecordReply", "correspondence file of case", caseId, expected, request.RequestId),
            new RecordReply(letterId, reference, decision, summary, receivedAt));
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, RecordReply command)
    {
        var letter = file.Find(command.LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Reply is { } earlier)
        {
            if (earlier == new LetterReply(command.IncomingReference, command.Decision, command.Summary, command.ReceivedAt)) return [];
            throw new RuleViolated($"the reply to letter {letter.Id} was already recorded on {earlier.ReceivedAt:yyyy-MM-dd}");
        }
        if (letter.SentAt is not { } sentAt)
            throw new RuleViolated($"letter {letter.Id} was never sent: there is nothing to reply to");
        LetterRules.EnsureNotBefore(command.ReceivedAt, sentAt, "the letter was sent");
        return
        [
            new ReplyReceived(file.Id, file.CenterId, letter.Id, letter.AgencyId, letter.AgencyName, letter.Kind,
                command.IncomingReference, command.Decision, command.Summary, sentAt, command.ReceivedAt),
        ];
    }
}
