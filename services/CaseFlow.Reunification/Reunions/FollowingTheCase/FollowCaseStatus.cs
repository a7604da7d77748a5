using CaseFlow.Reunification.Travel;
using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using CaseClosed = CaseFlow.Contracts.Intake.V1.CaseClosed;
using CaseReopened = CaseFlow.Contracts.Intake.V1.CaseReopened;

namespace CaseFlow.Reunification.Reunions.FollowingTheCase;

/// <summary>
/// The case was closed or reopened at Intake: the file follows by the rule of <see cref="FollowCase"/>, once per
/// message (inbox), in one transaction with the flight a released seat goes back to.
/// </summary>
public sealed class FollowCaseStatus(Inbox inbox) : IConsumer<CaseClosed>, IConsumer<CaseReopened>
{
    public Task Consume(ConsumeContext<CaseClosed> context) =>
        inbox.HandleOnce(context, nameof(FollowCaseStatus), async (EventWriter writer) =>
        {
            var (closed, ct) = (context.Message, context.CancellationToken);
            await Known(writer, closed.CaseId, "a case closure", ct);
            await FileAndFlight.Change(writer, closed.CaseId, null,
                (file, flights) => FollowCase.Decide(file, flights, new CaseClosing(closed.Outcome, closed.CaseVersion, closed.OccurredAt)), ct);
        });

    public Task Consume(ConsumeContext<CaseReopened> context) =>
        inbox.HandleOnce(context, nameof(FollowCaseStatus), async (EventWriter writer) =>
        {
            var (reopened, ct) = (context.Message, context.CancellationToken);
            var stream = await writer.OpenedFile(reopened.CaseId, "a case reopening", ct);
            stream.AppendMany(FollowCase.Decide(stream.Aggregate!, new CaseReopening(reopened.CaseVersion, reopened.OccurredAt)));
        });

    private static async Task Known(EventWriter writer, Guid caseId, string news, CancellationToken ct)
    {
        _ = await writer.Session.LoadAsync<ReunificationFile>(caseId, ct) ?? throw new FileNotOpenedYet(caseId, news);
    }
}
