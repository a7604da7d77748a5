using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Letters.Approving;

public sealed record LetterApproved(Guid CaseId, Guid LetterId, string ApprovedBy, string Note, DateTimeOffset OccurredAt);

public sealed record ApproveLetter(Guid LetterId, Caller Approver, string Note, DateTimeOffset OccurredAt);

public static class ApproveLetterRules
{
    public static (StreamCommand Stream, ApproveLetter Command) Parse(ApproveLetterRequest request, Caller caller, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var note = check.Text(request.Note, LetterInput.MaxTextLength, "note");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.ApproveLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new ApproveLetter(letterId, caller, note, occurredAt));
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, ApproveLetter command)
    {
        if (command.Approver.Role != Caller.Supervisor)
            throw new Forbidden("only a supervisor approves letters");
        var letter = file.Find(command.LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.IsApproved) return [];
        if (letter.Status != LetterStatus.Draft)
            throw new RuleViolated($"letter {letter.Id} was already sent: approval comes before sending");
        LetterRules.EnsureNotBefore(command.OccurredAt, letter.DraftedAt, "the letter was drafted");
        return [new LetterApproved(file.Id, letter.Id, command.Approver.User, command.Note, command.OccurredAt)];
    }
}
