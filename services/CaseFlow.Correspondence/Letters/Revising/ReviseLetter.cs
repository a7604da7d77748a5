using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Correspondence.Letters.Revising;

/// <summary>A new text of a letter not yet sent; an approval given to the old text no longer holds.</summary>
public sealed record LetterRevised(Guid CaseId, Guid LetterId, string Subject, string Body, string Reason, DateTimeOffset OccurredAt);

public sealed record ReviseLetter(Guid LetterId, string Subject, string Body, string Reason, DateTimeOffset OccurredAt);

public static class ReviseLetterRules
{
    public static (StreamCommand Stream, ReviseLetter Command) Parse(ReviseLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var subject = check.Text(request.Subject, LetterInput.MaxSubjectLength, "subject", "the subject");
        var body = check.Text(request.Body, LetterInput.MaxBodyLength, "body", "the body");
        var reason = check.Text(request.Reason, LetterInput.MaxTextLength, "reason");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.ReviseLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new ReviseLetter(letterId, subject, body, reason, occurredAt));
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, ReviseLetter command)
    {
        var letter = file.Find(command.LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Status is LetterStatus.Sent or LetterStatus.Replied)
            throw new RuleViolated($"letter {letter.Id} was already sent: send a follow-up or a new letter instead");
        LetterRules.EnsureNotBefore(command.OccurredAt, letter.DraftedAt, "the letter was drafted");
        if (letter.Subject == command.Subject && letter.Body == command.Body) return [];
        return [new LetterRevised(file.Id, letter.Id, command.Subject, command.Body, command.Reason, command.OccurredAt)];
    }
}
