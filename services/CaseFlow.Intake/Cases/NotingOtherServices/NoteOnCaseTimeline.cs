using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using Letters = CaseFlow.Contracts.Correspondence.V1;
using Reunion = CaseFlow.Contracts.Reunification.V1;

namespace CaseFlow.Intake.Cases.NotingOtherServices;

/// <summary>
/// What Correspondence and Reunification report about a case goes into the case's own stream, so the operator
/// sees the whole application in one timeline. Once per message (inbox); a case Intake does not know is an
/// error worth retrying and then parking, never a silent drop.
/// </summary>
public sealed class NoteOnCaseTimeline(Inbox inbox) :
    IConsumer<Letters.LetterSent>,
    IConsumer<Letters.AgencyReplied>,
    IConsumer<Letters.ReplyOverdue>,
    IConsumer<Reunion.TravelArranged>,
    IConsumer<Reunion.TravelDisrupted>,
    IConsumer<Reunion.ReunificationCompleted>,
    IConsumer<Reunion.ReunificationFailed>,
    IConsumer<Reunion.ReunificationCancelled>
{
    /// <summary>Its references make the case findable by them (Searching).</summary>
    public Task Consume(ConsumeContext<Letters.LetterSent> context) => Note(context, context.Message.CaseId,
        m => new LetterSentNoted(m.CaseId, m.LetterId, m.AgencyName, m.Kind, m.RegisterNumber, m.OutgoingReference, m.ReplyDueBy, m.OccurredAt));

    public Task Consume(ConsumeContext<Letters.AgencyReplied> context) => Note(context, context.Message.CaseId,
        m => new AgencyReplyNoted(m.CaseId, m.LetterId, m.AgencyName, m.Decision, m.Summary, m.OccurredAt));

    public Task Consume(ConsumeContext<Letters.ReplyOverdue> context) => Note(context, context.Message.CaseId,
        m => new ReplyOverdueNoted(m.CaseId, m.LetterId, m.AgencyName, m.ReplyDueBy, m.OccurredAt));

    public Task Consume(ConsumeContext<Reunion.TravelArranged> context) => Note(context, context.Message.CaseId,
        m => new TravelArrangedNoted(m.CaseId, m.FlightNumber, m.From, m.To, m.FlightDate, m.OccurredAt, m.MemberId));

    public Task Consume(ConsumeContext<Reunion.TravelDisrupted> context) => Note(context, context.Message.CaseId,
        m => new TravelDisruptedNoted(m.CaseId, m.FlightNumber, m.Reason, m.RebookedFlightNumber, m.Waitlisted, m.OccurredAt, m.MemberId));

    public Task Consume(ConsumeContext<Reunion.ReunificationCompleted> context) => Note(context, context.Message.CaseId,
        m => new ReunionReported(m.CaseId, m.MemberId, m.HandedOverTo, m.DaysSeparated, m.OccurredAt));

    public Task Consume(ConsumeContext<Reunion.ReunificationFailed> context) => Note(context, context.Message.CaseId,
        m => new ReunificationFailureNoted(m.CaseId, m.Reason, m.OccurredAt, m.MemberId));

    public Task Consume(ConsumeContext<Reunion.ReunificationCancelled> context) => Note(context, context.Message.CaseId,
        m => new ReunificationCancellationNoted(m.CaseId, m.Reason, m.OccurredAt, m.MemberId, m.WithCase));

    private Task Note<TMessage>(ConsumeContext<TMessage> context, Guid caseId, Func<TMessage, object> toFact) where TMessage : class =>
        inbox.HandleOnce(context, nameof(NoteOnCaseTimeline), async (EventWriter writer) =>
        {
            // An unknown case throws NotFound: the delivery fails, is retried, and is parked when it keeps failing. The
            // lock makes a burst of news for one case wait its turn behind the lawyer's commands instead of racing them.
            var stream = await writer.Locked<Case>(caseId, expectedVersion: null, "case", context.CancellationToken);
            stream.AppendOne(toFact(context.Message));
        });
}
