using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files;
using CorrespondenceFile = CaseFlow.Correspondence.Files.CorrespondenceFile;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Correspondence.Letters.Withdrawing;

public sealed record LetterWithdrawn(Guid CaseId, Guid LetterId, string Reason, DateTimeOffset OccurredAt);

public sealed record WithdrawLetter(Guid LetterId, string Reason, DateTimeOffset OccurredAt);

public static class WithdrawLetterRules
{
    public static (StreamCommand Stream, WithdrawLetter Command) Parse(WithdrawLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var reason = check.Text(request.Reason, LetterInput.MaxTextLength, "reason", "the reason");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.WithdrawLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new WithdrawLetter(letterId, reason, occurredAt));
    }

    public static IReadOnlyList<object> Decide(CorrespondenceFile file, WithdrawLetter command)
    {
        var letter = file.Find(command.LetterId);
        if (letter.Status == LetterStatus.Withdrawn) return [];
        if (letter.Status == LetterStatus.Replied)
            throw new RuleViolated($"letter {letter.Id} was already answered: a replied letter stays on record");
        LetterRules.EnsureNotBefore(command.OccurredAt, letter.DraftedAt, "the letter was drafted");
        return [new LetterWithdrawn(file.Id, letter.Id, command.Reason, command.OccurredAt)];
    }
}
