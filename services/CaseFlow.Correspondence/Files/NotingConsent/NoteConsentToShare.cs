using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using MassTransit;
using ConsentToShareRecorded = CaseFlow.Contracts.Intake.V1.ConsentToShareRecorded;

namespace CaseFlow.Correspondence.Files.NotingConsent;

/// <summary>A version of the person's consent to share their data, as Intake recorded it: what letters may disclose.</summary>
public sealed record SharingConsentNoted(Guid CaseId, SharingConsent Consent, DateTimeOffset OccurredAt);

/// <summary>
/// Every version Intake publishes is kept in the case's file; only the newest of each consent counts, so a redelivered
/// or overtaken version changes nothing.
/// </summary>
public sealed class NoteConsentToShare(Inbox inbox) : IConsumer<ConsentToShareRecorded>
{
    public Task Consume(ConsumeContext<ConsentToShareRecorded> context) =>
        inbox.HandleOnce(context, nameof(NoteConsentToShare), async writer =>
        {
            var file = await writer.StartOrContinue<CorrespondenceFile>(context.Message.CaseId, context.CancellationToken);
            var events = Note(file.Aggregate, context.Message);
            if (events.Count > 0) file.AppendMany(events);
        });

    /// <summary>A file not opened yet (its CaseOpened still on the way) fails the message, which the broker retries.</summary>
    public static IReadOnlyList<object> Note(CorrespondenceFile? file, ConsentToShareRecorded recorded)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        var consent = new SharingConsent(recorded.ConsentId, recorded.Version, recorded.AgencyKinds, recorded.Purpose,
            recorded.GivenAt, recorded.WithdrawnAt);
        return ReferenceEquals(file.Consents.With(consent), file.Consents)
            ? []
            : [new SharingConsentNoted(file.Id, consent, recorded.OccurredAt)];
    }
}
