using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Correspondence.Letters.Sending;

public sealed record LetterSent(
    Guid CaseId, string CenterId, Guid LetterId, string AgencyId, string AgencyName, string Kind, string Subject,
    string Channel, string OutgoingReference, DateOnly ReplyDueBy, DateTimeOffset OccurredAt);

/// <param name="DefaultReplyDays">The agency's usual reply time, when it is still in the directory.</param>
public sealed record SendLetter(
    Guid LetterId, string Channel, string OutgoingReference, DateOnly? ReplyDueBy, int? DefaultReplyDays, DateTimeOffset OccurredAt);

public static class SendLetterRules
{
    public static (StreamCommand Stream, SendLetter Command) Parse(SendLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var channel = check.Word(request.Channel, Vocabulary.Channels, "channel", "channel");
        var reference = check.Text(request.OutgoingReference, LetterInput.MaxReferenceLength, "outgoingReference");
        var due = check.OptionalDay(request.ReplyDueBy, "replyDueBy");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.SendLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new SendLetter(letterId, channel, reference, due, null, occurredAt));
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, SendLetter command)
    {
        var letter = file.Find(command.LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Status is LetterStatus.Sent or LetterStatus.Replied)
        {
            if (letter.Channel == command.Channel && letter.OutgoingReference == command.OutgoingReference) return [];
            throw new RuleViolated($"letter {letter.Id} was already sent on {letter.SentAt:yyyy-MM-dd}");
        }
        file.EnsureOpen("sent");
        if (letter.Kind == Vocabulary.OfficialApplication && !letter.IsApproved)
            throw new RuleViolated($"letter {letter.Id} is an official application: a supervisor must approve it before it is sent");
        LetterRules.EnsureNotBefore(command.OccurredAt, letter.DraftedAt, "the letter was drafted");
        var due = ReplyDue(Deadline.DayOf(command.OccurredAt), command.ReplyDueBy, command.DefaultReplyDays, letter.AgencyName);
        return
        [
            new LetterSent(file.Id, file.CenterId, letter.Id, letter.AgencyId, letter.AgencyName, letter.Kind, letter.Subject,
                command.Channel, command.OutgoingReference, due, command.OccurredAt),
        ];
    }

    /// <summary>The reply is due on the given day, or after the agency's usual reply time; always after the day it went out.</summary>
    public static DateOnly ReplyDue(DateOnly sentOn, DateOnly? given, int? defaultReplyDays, string agencyName)
    {
        if (given is { } day)
        {
            if (day <= sentOn)
                throw new InvalidInput("replyDueBy", $"{day:yyyy-MM-dd} must be after the day the letter goes out ({sentOn:yyyy-MM-dd})");
            return day;
        }
        if (defaultReplyDays is { } days and > 0) return sentOn.AddDays(days);
        throw new InvalidInput("replyDueBy", $"is required: {agencyName} has no default reply time in the directory");
    }
}
