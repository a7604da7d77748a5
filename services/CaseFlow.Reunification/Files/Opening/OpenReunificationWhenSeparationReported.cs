using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using FamilySeparationReported = CaseFlow.Contracts.Intake.V2.FamilySeparationReported;

namespace CaseFlow.Reunification.Files.Opening;

public static class OpenReunification
{
    /// <summary>
    /// The first reported separation opens the reunification; each other member's separation on the case opens that
    /// member's own track; a repeat of a member's separation changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReunificationFile? file, FamilySeparationReported reported)
    {
        if (file?.HasTrack(reported.MemberId) == true) return [];
        return [new ReunificationOpened(reported.CaseId, file?.CenterId ?? reported.CenterId, reported.MemberId,
            reported.Relationship, reported.IsMinor, reported.AgeGroup, reported.Country, reported.SeparatedSince, reported.OccurredAt)];
    }
}

/// <summary>A separated family member opens the reunification proper, on the file the case already has or a new one.</summary>
public sealed class OpenReunificationWhenSeparationReported(Inbox inbox) : IConsumer<FamilySeparationReported>
{
    public Task Consume(ConsumeContext<FamilySeparationReported> context) =>
        inbox.HandleOnce(context, nameof(OpenReunificationWhenSeparationReported), async (EventWriter writer) =>
        {
            var reported = context.Message;
            var stream = await writer.StartOrContinue<ReunificationFile>(reported.CaseId, context.CancellationToken);
            var events = OpenReunification.Decide(stream.Aggregate, reported);
            if (events.Count == 0) return;
            // Messages are not ordered across types: when the separation comes before the case itself, this starts
            // the stream, and a racing CaseOpened collides with it and is retried (then finds the file open).
            stream.AppendMany(events);
        });
}
