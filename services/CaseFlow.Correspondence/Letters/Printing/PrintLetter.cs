using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Calendar;
using CaseFlow.ServiceDefaults.Reporting;
using Google.Protobuf;

namespace CaseFlow.Correspondence.Letters.Printing;

/// <summary>
/// A letter as a PDF, with its register number once sent. Its text is personal data: the PDF field is marked so in the
/// proto, so the access log records the read and a role that may not see personal data gets none.
/// </summary>
public sealed class PrintLetterHandler(EventSessions sessions, ReportingCenters centers, CenterCalendars calendars)
{
    public async Task<PrintedLetter> Handle(PrintLetterRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<Files.CorrespondenceFile>(caseId, ct) ?? throw new NotFound($"case {caseId} has no correspondence file");
        caller.EnsureCanRead(file.CenterId);
        var letter = file.Find(letterId);
        var center = centers.All.FirstOrDefault(c => c.Id == file.CenterId)?.Name ?? file.CenterId;
        DateOnly? sentOn = letter.SentAt is { } sentAt ? calendars.LocalDate(file.CenterId, sentAt) : null;
        var pdf = LetterPdf.Render(new PrintableLetter(letter.RegisterNumber ?? "", center, sentOn, letter.AgencyName,
            letter.Subject.Shown(), letter.Body.Shown()));
        return new PrintedLetter
        {
            CaseId = file.Id.ToString(), LetterId = letter.Id.ToString(), CenterId = file.CenterId, RegisterNumber = letter.RegisterNumber ?? "",
            FileName = $"{(letter.RegisterNumber ?? letter.Id.ToString()).Replace('/', '-')}.pdf", ContentType = "application/pdf",
            Pdf = ByteString.CopyFrom(pdf),
        };
    }
}
