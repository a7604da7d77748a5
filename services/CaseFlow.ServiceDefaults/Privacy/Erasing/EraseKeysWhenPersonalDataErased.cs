using CaseFlow.Contracts.Intake.V1;
using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;

namespace CaseFlow.ServiceDefaults.Privacy.Erasing;

/// <summary>Every service, Intake included, erases the person's key when Intake records an erasure: once per message.</summary>
public sealed class EraseKeysWhenPersonalDataErased(Inbox inbox, SubjectKeys keys) : IConsumer<PersonalDataErased>
{
    public Task Consume(ConsumeContext<PersonalDataErased> context) =>
        inbox.HandleOnce(context, nameof(EraseKeysWhenPersonalDataErased), _ =>
            keys.Erase(context.Message.SubjectId, context.Message.LegalBasis, context.CancellationToken));
}
