namespace CaseFlow.Correspondence.Letters.Approving;

/// <param name="Note">Sealed under the applicant; null when none was given.</param>
public sealed record LetterApproved(Guid CaseId, Guid LetterId, string ApprovedBy, Sealed<string>? Note, DateTimeOffset OccurredAt);

/// <summary>A supervisor's approval of a draft (only supervisors may call ApproveLetter: the API's policy says so).</summary>
/// <param name="ApprovedBy">The approving supervisor's user name, kept on the letter.</param>
public sealed record ApproveLetter(Guid LetterId, string ApprovedBy, string Note, DateTimeOffset OccurredAt) : ILetterCommand
{
    public static (StreamCommand File, ApproveLetter Command) Parse(Api.V1.ApproveLetterRequest request, Caller caller, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var note = check.Text(request.Note, "note", max: LetterLimits.MaxText);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.ApproveLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new ApproveLetter(letterId, caller.User, note, occurredAt));
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        var letter = file.Find(LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.IsApproved) return [];
        if (letter.Status != LetterStatus.Draft)
            throw new RuleViolated($"letter {letter.Id} was already sent: approval comes before sending");
        LetterRules.EnsureNotBefore(OccurredAt, letter.DraftedAt, "the letter was drafted");
        return [new LetterApproved(file.Id, letter.Id, ApprovedBy, PersonalText.OfApplicant(file.Id, Note), OccurredAt)];
    }
}
