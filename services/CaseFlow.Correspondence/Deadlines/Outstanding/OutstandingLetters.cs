using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Files.Moving;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.Correspondence.Replies.Recording;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CaseFlow.Correspondence.Deadlines.Outstanding;

/// <summary>A sent letter still waiting for its reply: the row the deadline watch and the dashboards read.</summary>
/// <param name="Id">The letter id.</param>
/// <param name="OverdueFrom">When the due day ends: the watch raises ReplyOverdue from then on, once.</param>
public sealed record OutstandingLetter(
    Guid Id, Guid CaseId, string CenterId, string AgencyId, string AgencyName, string Kind, Sealed<string> Subject,
    DateTimeOffset SentAt, DateOnly ReplyDueBy, DateTimeOffset OverdueFrom, bool OverdueRaised = false, bool CaseClosed = false)
{
    /// <summary>Where the letter sorts in ListOutstandingLetters (due first, then id): stored, indexed, and the page token's content.</summary>
    public string ListPosition => CaseFlow.ServiceDefaults.Reporting.ListPages.Position(OverdueFrom, Id);
}

/// <summary>
/// Kept inline, in the transaction of the events, so the watch never sees a due date the stream does not have.
/// Every change comes from the letter's own stream, whose writes are already serialized by its version.
/// </summary>
public sealed partial class OutstandingLettersProjection : EventProjection
{
    public OutstandingLettersProjection()
    {
        Name = "outstanding-letters";
        IncludeType<LetterSent>();
        IncludeType<FollowUpSent>();
        IncludeType<ReplyOverdue>();
        IncludeType<ReplyReceived>();
        IncludeType<LetterWithdrawn>();
        IncludeType<CorrespondenceFileMoved>();
        IncludeType<CorrespondenceFileClosed>();
        IncludeType<CorrespondenceFileReopened>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case LetterSent sent:
                operations.Store(new OutstandingLetter(sent.LetterId, sent.CaseId, sent.CenterId, sent.AgencyId, sent.AgencyName,
                    sent.Kind, sent.Subject, sent.OccurredAt, sent.ReplyDueBy, Deadline.EndOf(sent.ReplyDueBy, sent.ReplyDueEnd)));
                break;
            case FollowUpSent followUp:
                await Change(operations, followUp.LetterId, l => l with
                {
                    // A follow-up that keeps the due date keeps its raised alert: the file will not raise it again.
                    ReplyDueBy = followUp.ReplyDueBy, OverdueFrom = Deadline.EndOf(followUp.ReplyDueBy, followUp.ReplyDueEnd),
                    OverdueRaised = l.OverdueRaised && l.ReplyDueBy == followUp.ReplyDueBy,
                }, cancellation);
                break;
            case ReplyOverdue overdue:
                await Change(operations, overdue.LetterId, l => l.ReplyDueBy == overdue.ReplyDueBy ? l with { OverdueRaised = true } : l,
                    cancellation);
                break;
            case ReplyReceived replied:
                operations.Delete<OutstandingLetter>(replied.LetterId);
                break;
            case LetterWithdrawn withdrawn:
                operations.Delete<OutstandingLetter>(withdrawn.LetterId);
                break;
            case CorrespondenceFileMoved moved:
                await ChangeCase(operations, moved.CaseId, l => l with { CenterId = moved.ToCenterId }, cancellation);
                break;
            case CorrespondenceFileClosed closed:
                await ChangeCase(operations, closed.CaseId, l => l with { CaseClosed = true }, cancellation);
                break;
            case CorrespondenceFileReopened reopened:
                await ChangeCase(operations, reopened.CaseId, l => l with { CaseClosed = false }, cancellation);
                break;
        }
    }

    private static async Task Change(IDocumentOperations operations, Guid letterId, Func<OutstandingLetter, OutstandingLetter> change,
        CancellationToken ct)
    {
        if (await operations.LoadAsync<OutstandingLetter>(letterId, ct) is { } letter) operations.Store(change(letter));
    }

    private static async Task ChangeCase(IDocumentOperations operations, Guid caseId, Func<OutstandingLetter, OutstandingLetter> change,
        CancellationToken ct)
    {
        foreach (var letter in await operations.Query<OutstandingLetter>().Where(l => l.CaseId == caseId).ToListAsync(ct))
            operations.Store(change(letter));
    }
}
