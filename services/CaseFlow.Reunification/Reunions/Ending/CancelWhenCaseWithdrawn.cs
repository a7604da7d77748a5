using CaseFlow.Reunification.Travel;
using CaseFlow.ServiceDefaults.Messaging;
using Marten;
using MassTransit;
using CaseClosed = CaseFlow.Contracts.Intake.V1.CaseClosed;

namespace CaseFlow.Reunification.Reunions.Ending;

/// <summary>The applicant withdrew: an open reunification is cancelled and its seat goes to the next in line.</summary>
public sealed class CancelWhenCaseWithdrawn(Inbox inbox) : IConsumer<CaseClosed>
{
    public const string Withdrawn = "withdrawn";

    public Task Consume(ConsumeContext<CaseClosed> context) =>
        inbox.HandleOnce(context, nameof(CancelWhenCaseWithdrawn), async (EventWriter writer) =>
        {
            var (closed, ct) = (context.Message, context.CancellationToken);
            if (closed.Outcome != Withdrawn) return;
            var known = await writer.Session.LoadAsync<ReunificationFile>(closed.CaseId, ct)
                ?? throw new FileNotOpenedYet(closed.CaseId, "a case closure");
            if (known.Member is null || known.Stage.IsOver()) return;
            var reason = string.IsNullOrWhiteSpace(closed.Summary) ? "the case was withdrawn" : $"the case was withdrawn: {closed.Summary}";
            await FileAndFlight.Change(writer, closed.CaseId, null,
                (file, flight) => EndReunification.Decide(file, flight, new EndReunification(false, reason, closed.OccurredAt)), ct);
        });
}
