using CaseFlow.Correspondence.Files.Moving;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Register.RecordingIncomingMail;
using JasperFx.Events;
using Marten.Events.Projections;

namespace CaseFlow.Correspondence.Register.Listing;

/// <summary>One line of a center's letter register: a letter sent or a mail received, under its number.</summary>
/// <param name="Id">The register number, e.g. KS-2020/0042.</param>
/// <param name="EntryId">The letter or the mail.</param>
/// <param name="CenterId">The center whose register holds the number (it stays there when the case moves on).</param>
/// <param name="Subject">The letter's subject or the mail's summary, sealed like them.</param>
public sealed record RegisterEntry(
    string Id, Guid EntryId, Guid CaseId, string CenterId, int Year, string Direction, int Sequence, string? AgencyId, string Correspondent,
    string Reference, Sealed<string> Subject, DateTimeOffset At, Guid? InReplyToLetterId = null)
{
    /// <summary>Where the entry sorts (center, year, direction, number): stored, indexed, and the page token's content.</summary>
    public string ListPosition => $"{CenterId}/{Year:D4}/{Direction}/{Sequence:D8}";
}

/// <summary>Inline, in the transaction that took the number: the register never lists a number its streams lack, nor misses one.</summary>
public sealed partial class RegisterEntriesProjection : EventProjection
{
    public RegisterEntriesProjection()
    {
        Name = "register-entries";
        IncludeType<LetterSent>();
        IncludeType<IncomingMailRecorded>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case LetterSent { RegisterNumber: { } number } sent:
                operations.Store(new RegisterEntry(number, sent.LetterId, sent.CaseId, sent.CenterId, YearOf(number), Numbering.RegisterDirection.Outgoing,
                    SequenceOf(number), sent.AgencyId, sent.AgencyName, sent.OutgoingReference, sent.Subject, sent.OccurredAt));
                break;
            case IncomingMailRecorded mail:
                operations.Store(new RegisterEntry(mail.RegisterNumber, mail.MailId, mail.CaseId, mail.CenterId, YearOf(mail.RegisterNumber),
                    Numbering.RegisterDirection.Incoming, SequenceOf(mail.RegisterNumber), mail.AgencyId, mail.Sender, mail.TheirReference,
                    mail.Summary, mail.OccurredAt, mail.InReplyToLetterId));
                break;
        }
        return ValueTask.CompletedTask;
    }

    // "KS-2020/0042", "KS-2020/IN-0007": the year after the last dash before the slash, the sequence after the last dash or slash.
    private static int YearOf(string number) => int.Parse(number[(number.LastIndexOf('-', number.IndexOf('/')) + 1)..number.IndexOf('/')]);

    private static int SequenceOf(string number) => int.Parse(number[(Math.Max(number.LastIndexOf('/'), number.LastIndexOf('-')) + 1)..]);
}
