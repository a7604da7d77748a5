using CaseFlow.Correspondence.Files.Moving;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.Correspondence.Replies.Recording;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CaseFlow.Correspondence.Statistics;

/// <summary>
/// One sent letter as the dashboards count it: who it went to and when things happened, never its subject or body. The
/// times are business times, so figures "as of" a time read the same before and after a rebuild.
/// </summary>
/// <param name="Id">The letter id.</param>
/// <param name="FirstDueBy">The due date the letter was sent with: "answered within the due date" measures against it.</param>
/// <param name="ReplyDueBy">The due date in force after the last follow-up.</param>
public sealed record LetterFact(
    Guid Id, Guid CaseId, string CenterId, string AgencyId, string AgencyName, string Kind, DateTimeOffset SentAt,
    DateOnly FirstDueBy, DateOnly ReplyDueBy, DateTimeOffset? LastFollowUpAt = null, int FollowUps = 0,
    DateTimeOffset? RepliedAt = null, DateTimeOffset? WithdrawnAt = null);

/// <summary>Inline, with the events: the statistics never see a letter the streams do not have. Rebuilt by the admin API.</summary>
public sealed partial class LetterFactsProjection : EventProjection
{
    public LetterFactsProjection()
    {
        Name = "letter-facts";
        IncludeType<LetterSent>();
        IncludeType<FollowUpSent>();
        IncludeType<ReplyReceived>();
        IncludeType<LetterWithdrawn>();
        IncludeType<CorrespondenceFileMoved>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken ct)
    {
        switch (e.Data)
        {
            case LetterSent sent:
                operations.Store(new LetterFact(sent.LetterId, sent.CaseId, sent.CenterId, sent.AgencyId, sent.AgencyName, sent.Kind,
                    sent.OccurredAt, sent.ReplyDueBy, sent.ReplyDueBy));
                break;
            case FollowUpSent followUp:
                await Change(operations, followUp.LetterId, l => l with
                {
                    ReplyDueBy = followUp.ReplyDueBy, LastFollowUpAt = followUp.OccurredAt, FollowUps = l.FollowUps + 1,
                }, ct);
                break;
            case ReplyReceived replied:
                await Change(operations, replied.LetterId, l => l with { RepliedAt = replied.OccurredAt }, ct);
                break;
            case LetterWithdrawn withdrawn:
                await Change(operations, withdrawn.LetterId, l => l with { WithdrawnAt = withdrawn.OccurredAt }, ct);
                break;
            case CorrespondenceFileMoved moved:
                foreach (var letter in await operations.Query<LetterFact>().Where(l => l.CaseId == moved.CaseId).ToListAsync(ct))
                    operations.Store(letter with { CenterId = moved.ToCenterId });
                break;
        }
    }

    private static async Task Change(IDocumentOperations operations, Guid letterId, Func<LetterFact, LetterFact> change, CancellationToken ct)
    {
        if (await operations.LoadAsync<LetterFact>(letterId, ct) is { } letter) operations.Store(change(letter));
    }
}
