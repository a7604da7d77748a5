using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using AgencyReplied = CaseFlow.Contracts.Correspondence.V1.AgencyReplied;

namespace CaseFlow.Reunification.Plans.RecordingAgencyDecisions;

/// <summary>An agency's reply to one of the case's letters is a decision to weigh the plan against.</summary>
public sealed class RecordDecisionWhenAgencyReplied(Inbox inbox) : IConsumer<AgencyReplied>
{
    public Task Consume(ConsumeContext<AgencyReplied> context) =>
        inbox.HandleOnce(context, nameof(RecordDecisionWhenAgencyReplied), async (EventWriter writer) =>
        {
            var reply = context.Message;
            var stream = await writer.OpenedFile(reply.CaseId, "an agency reply", context.CancellationToken);
            var file = stream.Aggregate!;
            var alreadyKnown = file.AgencyDecisions.Any(d => d.LetterId == reply.LetterId && d.DecidedAt == reply.OccurredAt);
            if (file.Stage.IsOver() || alreadyKnown) return;
            stream.AppendMany(RecordAgencyDecision.Decide(file, new RecordAgencyDecision(
                reply.LetterId, reply.AgencyName, reply.Decision, reply.Summary, reply.OccurredAt)));
        });
}
