namespace CaseFlow.Correspondence.Letters.Withdrawing;

/// <param name="Reason">Sealed under the applicant.</param>
public sealed record LetterWithdrawn(Guid CaseId, Guid LetterId, Sealed<string> Reason, DateTimeOffset OccurredAt);

public sealed record WithdrawLetter(Guid LetterId, string Reason, DateTimeOffset OccurredAt) : ILetterCommand
{
    public static (StreamCommand File, WithdrawLetter Command) Parse(Api.V1.WithdrawLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var reason = check.Text(request.Reason, "reason", "the reason", LetterLimits.MaxText);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.WithdrawLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new WithdrawLetter(letterId, reason, occurredAt));
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        var letter = file.Find(LetterId);
        if (letter.Status == LetterStatus.Withdrawn) return [];
        if (letter.Status == LetterStatus.Replied)
            throw new RuleViolated($"letter {letter.Id} was already answered: a replied letter stays on record");
        LetterRules.EnsureNotBefore(OccurredAt, letter.DraftedAt, "the letter was drafted");
        return [new LetterWithdrawn(file.Id, letter.Id, Sealed.For(Subjects.Applicant(file.Id), Reason), OccurredAt)];
    }
}
