using CaseFlow.Reunification.Travel;
using CaseFlow.ServiceDefaults.Messaging;
using MassTransit;
using PersonDetailsCorrected = CaseFlow.Contracts.Intake.V1.PersonDetailsCorrected;

namespace CaseFlow.Reunification.Files.Correcting;

/// <summary>
/// Intake corrected a person of the case: the file (and the flight its traveller is booked on) follow, once per message
/// (inbox) and never an older correction over a newer one (<see cref="NoteCorrection"/>). Every case has a file from
/// its opening; a correction arriving before it is retried until the file is there.
/// </summary>
public sealed class NoteCorrectionWhenPersonCorrected(Inbox inbox) : IConsumer<PersonDetailsCorrected>
{
    public Task Consume(ConsumeContext<PersonDetailsCorrected> context) =>
        inbox.HandleOnce(context, nameof(NoteCorrectionWhenPersonCorrected), async (EventWriter writer) =>
        {
            var (correction, ct) = (context.Message, context.CancellationToken);
            _ = await writer.Session.LoadAsync<ReunificationFile>(correction.CaseId, ct)
                ?? throw new FileNotOpenedYet(correction.CaseId, "a correction");
            await FileAndFlight.Change(writer, correction.CaseId, null, (file, flights) => NoteCorrection.Decide(file, flights, correction), ct);
        });
}
