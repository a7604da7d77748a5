using CaseFlow.Correspondence.Templates;

namespace CaseFlow.Correspondence.Letters.Revising;

/// <summary>A new text of a letter not yet sent; an approval given to the old text no longer holds.</summary>
/// <param name="Subject">Sealed, like the body, under the same people as the letter's first text.</param>
/// <param name="Reason">Sealed under the applicant; null when none was given.</param>
public sealed record LetterRevised(
    Guid CaseId, Guid LetterId, Sealed<string> Subject, Sealed<string> Body, Sealed<string>? Reason, DateTimeOffset OccurredAt);

public sealed record ReviseLetter(Guid LetterId, string Subject, string Body, string Reason, DateTimeOffset OccurredAt) : ILetterCommand
{
    public static (StreamCommand File, ReviseLetter Command) Parse(Api.V1.ReviseLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var subject = check.Text(request.Subject, "subject", "the subject", LetterLimits.MaxSubject);
        var body = check.Text(request.Body, "body", "the body", LetterLimits.MaxBody);
        var reason = check.Text(request.Reason, "reason", max: LetterLimits.MaxText);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        // A revision is final text: any placeholder left in it is a mistake, caught here with its field.
        var text = LetterText.Parse(subject, body);
        if (text.Placeholders.Count > 0)
            throw new InvalidInput("body", $"a revision is the final text; remove the placeholders {string.Join(", ", text.Placeholders)}");
        return (new StreamCommand("correspondence.ReviseLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new ReviseLetter(letterId, subject, body, reason, occurredAt));
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        var letter = file.Find(LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Status is LetterStatus.Sent or LetterStatus.Replied)
            throw new RuleViolated($"letter {letter.Id} was already sent: send a follow-up or a new letter instead");
        LetterRules.EnsureNotBefore(OccurredAt, letter.DraftedAt, "the letter was drafted");
        if (letter.Subject.Equals(letter.Subject.With(Subject)) && letter.Body.Equals(letter.Body.With(Body))) return [];
        return
        [
            new LetterRevised(file.Id, letter.Id, letter.Subject.With(Subject), letter.Body.With(Body),
                PersonalText.OfApplicant(file.Id, Reason), OccurredAt),
        ];
    }
}
