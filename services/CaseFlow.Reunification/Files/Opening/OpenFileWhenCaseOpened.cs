using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseOpened = CaseFlow.Contracts.Intake.V1.CaseOpened;

namespace CaseFlow.Reunification.Files.Opening;

public sealed record CaseFileOpened(Guid CaseId, string CenterId, DateTimeOffset OccurredAt);

/// <summary>
/// Every case gets a reunification file as soon as Intake opens it, so a separation reported later lands
/// on a stream that already knows the case's center. When the separation came first (another queue), the file exists
/// already and the case's opening is still recorded on it, so the file ends as if the messages had come in order.
/// </summary>
public sealed class OpenFileWhenCaseOpened(Inbox inbox) : IConsumer<CaseOpened>
{
    public Task Consume(ConsumeContext<CaseOpened> context) =>
        inbox.HandleOnce(context, nameof(OpenFileWhenCaseOpened), async (EventWriter writer) =>
        {
            var opened = context.Message;
            var stream = await writer.StartOrContinue<ReunificationFile>(opened.CaseId, context.CancellationToken);
            if (stream.Aggregate is { OpenedByCase: true }) return;
            stream.AppendOne(new CaseFileOpened(opened.CaseId, opened.CenterId, opened.OpenedAt));
        });
}
