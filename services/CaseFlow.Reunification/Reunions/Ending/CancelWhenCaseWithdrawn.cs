using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Travel;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using CaseFlow.ServiceDefaults.Security;
using MassTransit;
using CaseClosed = CaseFlow.Contracts.Intake.V1.CaseClosed;

namespace CaseFlow.Reunification.Reunions.Ending;

/// <summary>The applicant withdrew: an open reunification is cancelled and its seat goes to the next in line.</summary>
public sealed class CancelWhenCaseWithdrawn(Inbox inbox, ServiceIdentity service) : IConsumer<CaseClosed>
{
    public const string Withdrawn = "withdrawn";

    public Task Consume(ConsumeContext<CaseClosed> context) =>
        inbox.HandleOnce(context, nameof(CancelWhenCaseWithdrawn), async session =>
        {
            var closed = context.Message;
            if (closed.Outcome != Withdrawn) return;
            await using (var query = session.DocumentStore.QuerySession())
            {
                var file = await query.LoadAsync<ReunificationFile>(closed.CaseId, context.CancellationToken)
                    ?? throw new FileNotOpenedYet(closed.CaseId, "a case closure");
                if (file.Member is null || file.Stage.IsOver()) return;
            }
            var reason = string.IsNullOrWhiteSpace(closed.Summary) ? "the case was withdrawn" : $"the case was withdrawn: {closed.Summary}";
            await FileAndFlight.Change(session, closed.CaseId, null, Caller.System(service.Name),
                (file, flight) => EndReunificationRules.Decide(file, flight, new EndReunification(false, reason, closed.OccurredAt)),
                context.CancellationToken);
        });
}
