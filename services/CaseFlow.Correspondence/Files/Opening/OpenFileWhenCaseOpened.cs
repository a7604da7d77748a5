using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseOpened = CaseFlow.Contracts.Intake.V1.CaseOpened;

namespace CaseFlow.Correspondence.Files.Opening;

public sealed record CorrespondenceFileOpened(Guid CaseId, string CenterId, DateTimeOffset OccurredAt);

/// <summary>Every case gets a correspondence file, keyed by the case id, as soon as Intake opens it.</summary>
public sealed class OpenFileWhenCaseOpened(Inbox inbox) : IConsumer<CaseOpened>
{
    public Task Consume(ConsumeContext<CaseOpened> context) =>
        inbox.HandleOnce(context, nameof(OpenFileWhenCaseOpened), async session =>
        {
            var opened = context.Message;
            if (await session.Events.FetchStreamStateAsync(opened.CaseId, context.CancellationToken) is not null) return;
            session.Events.StartStream<CorrespondenceFile>(opened.CaseId,
                new CorrespondenceFileOpened(opened.CaseId, opened.CenterId, opened.OpenedAt));
        });
}
