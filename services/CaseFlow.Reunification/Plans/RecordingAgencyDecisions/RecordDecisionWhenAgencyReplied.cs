using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using AgencyReplied = CaseFlow.Contracts.Correspondence.V1.AgencyReplied;

namespace CaseFlow.Reunification.Plans.RecordingAgencyDecisions;

/// <summary>
/// An agency's reply to one of the case's letters is a decision to weigh the plan against: the letter is the case's, so
/// the decision goes on each open track (before any separation, on the file, which later becomes the first track).
/// </summary>
public sealed class RecordDecisionWhenAgencyReplied(Inbox inbox) : IConsumer<AgencyReplied>
{
    public Task Consume(ConsumeContext<AgencyReplied> context) =>
        inbox.HandleOnce(context, nameof(RecordDecisionWhenAgencyReplied), async (EventWriter writer) =>
        {
            var reply = context.Message;
            var stream = await writer.OpenedFile(reply.CaseId, "an agency reply", context.CancellationToken);
            var file = stream.Aggregate!;
            var decision = new RecordAgencyDecision(reply.LetterId, reply.AgencyName, reply.Decision, reply.Summary, reply.OccurredAt);
            IReadOnlyList<ReunificationFile> tracks = file.Member is null ? [file] : file.EveryTrack();
            foreach (var track in tracks)
            {
                var alreadyKnown = track.AgencyDecisions.Any(d => d.LetterId == reply.LetterId && d.DecidedAt == reply.OccurredAt);
                if (track.Stage.IsOver() || alreadyKnown) continue;
                stream.AppendMany(RecordAgencyDecision.Decide(track, decision).OnTrack(track));
            }
        });
}
