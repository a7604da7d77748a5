using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseTransferred = CaseFlow.Contracts.Intake.V1.CaseTransferred;

namespace CaseFlow.Reunification.Files.Transferring;

/// <summary>The file belongs to the case's center: when the case moves, so does the file (and who may change it).</summary>
public sealed class MoveFileWhenCaseTransferred(Inbox inbox) : IConsumer<CaseTransferred>
{
    public Task Consume(ConsumeContext<CaseTransferred> context) =>
        inbox.HandleOnce(context, nameof(MoveFileWhenCaseTransferred), async (EventWriter writer) =>
        {
            var transferred = context.Message;
            var stream = await writer.OpenedFile(transferred.CaseId, "a transfer", context.CancellationToken);
            var file = stream.Aggregate!;
            if (file.CenterId == transferred.ToCenterId) return;
            stream.AppendOne(new FileTransferred(file.Id, file.CenterId, transferred.ToCenterId, transferred.OccurredAt));
        });
}
