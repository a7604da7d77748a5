using CaseFlow.Correspondence.Letters;
using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using PersonDetailsCorrected = CaseFlow.Contracts.Intake.V1.PersonDetailsCorrected;

namespace CaseFlow.Correspondence.Files.NotingCorrections;

/// <summary>Intake corrected a person of the case at <paramref name="CaseVersion"/>; the fields, never the values.</summary>
public sealed record PersonCorrectionNoted(Guid CaseId, string Person, IReadOnlyList<string> Changed, long CaseVersion, DateTimeOffset OccurredAt);

/// <summary>
/// A letter not yet sent was written from the person's details before the correction: it is flagged until revised.
/// Sent letters stay as they went out.
/// </summary>
public sealed record LetterDetailsCorrected(Guid CaseId, Guid LetterId, string Person, IReadOnlyList<string> Changed, DateTimeOffset OccurredAt);

public static class NoteCorrection
{
    /// <summary>By the case's version: a correction at or below the one already noted for the person changes nothing.</summary>
    public static IReadOnlyList<object> Decide(CorrespondenceFile file, PersonDetailsCorrected correction)
    {
        if (file.CorrectionVersions.GetValueOrDefault(correction.Person) >= correction.CaseVersion) return [];
        return
        [
            new PersonCorrectionNoted(file.Id, correction.Person, correction.Changed, correction.CaseVersion, correction.OccurredAt),
            .. file.Letters.Values
                .Where(l => l.Status is LetterStatus.Draft or LetterStatus.Approved)
                .OrderBy(l => l.DraftedAt).ThenBy(l => l.Id)
                .Select(l => new LetterDetailsCorrected(file.Id, l.Id, correction.Person, correction.Changed, correction.OccurredAt)),
        ];
    }
}

/// <summary>Once per message (inbox); a file not opened yet fails the message, which the broker retries.</summary>
public sealed class NoteCorrectionWhenPersonCorrected(Inbox inbox) : IConsumer<PersonDetailsCorrected>
{
    public Task Consume(ConsumeContext<PersonDetailsCorrected> context) =>
        inbox.HandleOnce(context, nameof(NoteCorrectionWhenPersonCorrected), async writer =>
        {
            var file = await writer.StartOrContinue<CorrespondenceFile>(context.Message.CaseId, context.CancellationToken);
            if (file.Aggregate is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
            file.AppendMany(NoteCorrection.Decide(file.Aggregate, context.Message));
        });
}
