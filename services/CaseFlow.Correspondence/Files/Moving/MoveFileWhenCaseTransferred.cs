using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseTransferred = CaseFlow.Contracts.Intake.V1.CaseTransferred;

namespace CaseFlow.Correspondence.Files.Moving;

public sealed record CorrespondenceFileMoved(Guid CaseId, string FromCenterId, string ToCenterId, DateTimeOffset OccurredAt);

/// <summary>The file follows its case to the new center: its operators see the letters, the old center's no longer do.</summary>
public sealed class MoveFileWhenCaseTransferred(Inbox inbox) : IConsumer<CaseTransferred>
{
    public Task Consume(ConsumeContext<CaseTransferred> context) =>
        inbox.HandleOnce(context, nameof(MoveFileWhenCaseTransferred), async session =>
        {
            var transferred = context.Message;
            var stream = await session.Events.FetchForWriting<CorrespondenceFile>(transferred.CaseId, context.CancellationToken);
            var events = FileRules.Move(stream.Aggregate, transferred.ToCenterId, transferred.OccurredAt);
            if (events.Count > 0) stream.AppendMany(events);
        });
}
