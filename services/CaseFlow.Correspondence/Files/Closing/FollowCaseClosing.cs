using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseClosed = CaseFlow.Contracts.Intake.V1.CaseClosed;
using CaseReopened = CaseFlow.Contracts.Intake.V1.CaseReopened;

namespace CaseFlow.Correspondence.Files.Closing;

public sealed record CorrespondenceFileClosed(Guid CaseId, string Outcome, DateTimeOffset OccurredAt);

public sealed record CorrespondenceFileReopened(Guid CaseId, DateTimeOffset OccurredAt);

/// <summary>
/// A closed case drafts and sends nothing more and its deadlines stop alerting; replies still arriving are
/// recorded. A reopened case picks up where it stopped.
/// </summary>
public sealed class FollowCaseClosing(Inbox inbox) : IConsumer<CaseClosed>, IConsumer<CaseReopened>
{
    public Task Consume(ConsumeContext<CaseClosed> context) =>
        inbox.HandleOnce(context, $"{nameof(FollowCaseClosing)}.closed", async session =>
        {
            var stream = await session.Events.FetchForWriting<CorrespondenceFile>(context.Message.CaseId, context.CancellationToken);
            var events = FileRules.Close(stream.Aggregate, context.Message.Outcome, context.Message.OccurredAt);
            if (events.Count > 0) stream.AppendMany(events);
        });

    public Task Consume(ConsumeContext<CaseReopened> context) =>
        inbox.HandleOnce(context, $"{nameof(FollowCaseClosing)}.reopened", async session =>
        {
            var stream = await session.Events.FetchForWriting<CorrespondenceFile>(context.Message.CaseId, context.CancellationToken);
            var events = FileRules.Reopen(stream.Aggregate, context.Message.OccurredAt);
            if (events.Count > 0) stream.AppendMany(events);
        });
}
