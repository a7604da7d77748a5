using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseTransferred = CaseFlow.Contracts.Intake.V1.CaseTransferred;

namespace CaseFlow.Correspondence.Files.Moving;

public sealed record CorrespondenceFileMoved(Guid CaseId, string FromCenterId, string ToCenterId, DateTimeOffset OccurredAt);

/// <summary>The file follows its case to the new center: its operators see the letters, the old center's no longer do.</summary>
public sealed class MoveFileWhenCaseTransferred(Inbox inbox) : IConsumer<CaseTransferred>
{
    public Task Consume(ConsumeContext<CaseTransferred> context) =>
        inbox.HandleOnce(context, nameof(MoveFileWhenCaseTransferred), async writer =>
        {
            var transferred = context.Message;
            var file = await writer.StartOrContinue<CorrespondenceFile>(transferred.CaseId, context.CancellationToken);
            var events = Move(file.Aggregate, transferred.ToCenterId, transferred.OccurredAt);
            if (events.Count > 0) file.AppendMany(events);
        });

    /// <summary>A file not opened yet (its CaseOpened still on the way) fails the message, which the broker retries.</summary>
    public static IReadOnlyList<object> Move(CorrespondenceFile? file, string toCenterId, DateTimeOffset occurredAt)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        return file.CenterId == toCenterId ? [] : [new CorrespondenceFileMoved(file.Id, file.CenterId, toCenterId, occurredAt)];
    }
}
