using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.Correspondence.Letters;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Correspondence.Replies.FollowingUp;

/// <summary>A reminder about an unanswered letter: the reply is now due on a new day.</summary>
public sealed record FollowUpSent(
    Guid CaseId, Guid LetterId, string Channel, string OutgoingReference, string Note, DateOnly ReplyDueBy, DateTimeOffset OccurredAt);

public sealed record SendFollowUp(
    Guid LetterId, string Channel, string OutgoingReference, string Note, DateOnly? ReplyDueBy, int? DefaultReplyDays,
    DateTimeOffset OccurredAt);

public static class SendFollowUpRules
{
    public static (StreamCommand Stream, SendFollowUp Command) Parse(SendFollowUpRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var channel = check.Word(request.Channel, Vocabulary.Channels, "channel", "channel");
        var reference = check.Text(request.OutgoingReference, LetterInput.MaxReferenceLength, "outgoingReference");
        var note = check.Text(request.Note, LetterInput.MaxTextLength, "note");
        var due = check.OptionalDay(request.ReplyDueBy, "replyDueBy");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.SendFollowUp", "correspondence file of case", caseId, expected, request.RequestId),
            new SendFollowUp(letterId, channel, reference, note, due, null, occurredAt));
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, SendFollowUp command)
    {
        var letter = file.Find(command.LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Status == LetterStatus.Replied)
            throw new RuleViolated($"letter {letter.Id} was already answered: no follow-up is needed");
        if (letter.SentAt is not { } sentAt)
            throw new RuleViolated($"letter {letter.Id} was never sent: send it before following it up");
        file.EnsureOpen("followed up");
        LetterRules.EnsureNotBefore(command.OccurredAt, letter.LastFollowUpAt ?? sentAt, "the letter's last sending");
        var due = SendLetterRules.ReplyDue(Deadline.DayOf(command.OccurredAt), command.ReplyDueBy, command.DefaultReplyDays, letter.AgencyName);
        return [new FollowUpSent(file.Id, letter.Id, command.Channel, command.OutgoingReference, command.Note, due, command.OccurredAt)];
    }
}
