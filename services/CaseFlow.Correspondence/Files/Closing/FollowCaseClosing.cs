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
        inbox.HandleOnce(context, $"{nameof(FollowCaseClosing)}.closed", async writer =>
        {
            var file = await writer.StartOrContinue<CorrespondenceFile>(context.Message.CaseId, context.CancellationToken);
            var events = Close(file.Aggregate, context.Message.Outcome, context.Message.OccurredAt);
            if (events.Count > 0) file.AppendMany(events);
        });

    public Task Consume(ConsumeContext<CaseReopened> context) =>
        inbox.HandleOnce(context, $"{nameof(FollowCaseClosing)}.reopened", async writer =>
        {
            var file = await writer.StartOrContinue<CorrespondenceFile>(context.Message.CaseId, context.CancellationToken);
            var events = Reopen(file.Aggregate, context.Message.OccurredAt);
            if (events.Count > 0) file.AppendMany(events);
        });

    /// <summary>A file not opened yet (its CaseOpened still on the way) fails the message, which the broker retries.</summary>
    public static IReadOnlyList<object> Close(CorrespondenceFile? file, string outcome, DateTimeOffset occurredAt)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        return file.Closed ? [] : [new CorrespondenceFileClosed(file.Id, outcome, occurredAt)];
    }

    public static IReadOnlyList<object> Reopen(CorrespondenceFile? file, DateTimeOffset occurredAt)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        return file.Closed ? [new CorrespondenceFileReopened(file.Id, occurredAt)] : [];
    }
}
