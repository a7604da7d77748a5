using CaseFlow.ServiceDefaults.Calendar;

namespace CaseFlow.Correspondence.Register.Numbering;

/// <summary>
/// Takes the next register number inside the command's transaction: the center-year register stream is locked until
/// commit (writers wait in line, none loses its number), or started by the year's first entry — two firsts at once
/// make one commit fail as a conflict, and ConflictRetry decides it again onto the register the other one started.
/// </summary>
public sealed class RegisterNumbers(CenterCalendars calendars)
{
    public async Task<string> Take(EventWriter writer, string centerId, string direction, Guid caseId, Guid entryId, DateTimeOffset occurredAt,
        CancellationToken ct)
    {
        var calendar = calendars.For(centerId);
        var id = LetterRegister.IdOf(centerId, calendar.LocalDate(occurredAt).Year);
        string number;
        if (await writer.Session.Events.FetchStreamStateAsync(id, ct) is null)
        {
            writer.Start<LetterRegister>(id, LetterRegister.Take(null, calendar, direction, caseId, entryId, occurredAt, out number));
            return number;
        }
        var register = await writer.Locked<LetterRegister>(id, null, "letter register", ct);
        register.AppendMany(LetterRegister.Take(register.Aggregate, calendar, direction, caseId, entryId, occurredAt, out number));
        return number;
    }
}
