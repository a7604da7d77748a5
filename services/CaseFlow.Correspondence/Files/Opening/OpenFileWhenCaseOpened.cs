using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseOpened = CaseFlow.Contracts.Intake.V1.CaseOpened;

namespace CaseFlow.Correspondence.Files.Opening;

public sealed record CorrespondenceFileOpened(Guid CaseId, string CenterId, DateTimeOffset OccurredAt);

/// <summary>Every case gets a correspondence file, keyed by the case id, as soon as Intake opens it.</summary>
public sealed class OpenFileWhenCaseOpened(Inbox inbox) : IConsumer<CaseOpened>
{
    public Task Consume(ConsumeContext<CaseOpened> context) =>
        inbox.HandleOnce(context, nameof(OpenFileWhenCaseOpened), async writer =>
        {
            var opened = context.Message;
            var file = await writer.StartOrContinue<CorrespondenceFile>(opened.CaseId, context.CancellationToken);
            if (file.Aggregate is null) file.AppendOne(new CorrespondenceFileOpened(opened.CaseId, opened.CenterId, opened.OpenedAt));
        });
}
