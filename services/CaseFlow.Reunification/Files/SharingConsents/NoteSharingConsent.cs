using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using MassTransit;
using ConsentToShareRecorded = CaseFlow.Contracts.Intake.V1.ConsentToShareRecorded;

namespace CaseFlow.Reunification.Files.SharingConsents;

public static class NoteSharingConsent
{
    /// <summary>A version newer than the file knows is noted; a repeated or older one changes nothing.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, ConsentToShareRecorded recorded)
    {
        var version = new SharingConsent(recorded.ConsentId, recorded.Version, recorded.AgencyKinds, recorded.Purpose,
            recorded.GivenAt, recorded.WithdrawnAt);
        return ReferenceEquals(file.SharingConsents.With(version), file.SharingConsents)
            ? []
            : [new SharingConsentNoted(file.Id, version, recorded.OccurredAt)];
    }
}

/// <summary>
/// The case's consents to share personal data, given at Intake, kept on the file: the manifest names only the
/// travellers whose consent in force covers the carrier.
/// </summary>
public sealed class NoteSharingConsentWhenRecorded(Inbox inbox) : IConsumer<ConsentToShareRecorded>
{
    public Task Consume(ConsumeContext<ConsentToShareRecorded> context) =>
        inbox.HandleOnce(context, nameof(NoteSharingConsentWhenRecorded), async (EventWriter writer) =>
        {
            var stream = await writer.OpenedFile(context.Message.CaseId, "a consent to share", context.CancellationToken);
            stream.AppendMany(NoteSharingConsent.Decide(stream.Aggregate!, context.Message));
        });
}
