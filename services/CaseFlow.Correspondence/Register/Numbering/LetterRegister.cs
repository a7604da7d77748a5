using System.Security.Cryptography;
using System.Text;
using CaseFlow.ServiceDefaults.Calendar;

namespace CaseFlow.Correspondence.Register.Numbering;

public static class RegisterDirection
{
    public const string Outgoing = "outgoing";
    public const string Incoming = "incoming";

    public static readonly IReadOnlyList<string> All = [Outgoing, Incoming];
}

public sealed record LetterRegisterOpened(Guid RegisterId, string CenterId, string Code, int Year, DateTimeOffset OccurredAt);

/// <param name="EntryId">The letter sent or the mail received that took the number.</param>
public sealed record RegisterNumberTaken(
    Guid RegisterId, string CenterId, int Year, string Direction, int Sequence, string Number, Guid CaseId, Guid EntryId, DateTimeOffset OccurredAt);

/// <summary>
/// One center's register for one year: its own stream, whose version serializes the numbers. Outgoing and incoming mail
/// count apart (KS-2020/0042 and KS-2020/IN-0007); a number is taken in the transaction of the send or the receipt it
/// numbers, so a refused one takes none and the sequence has no gaps.
/// </summary>
public sealed record LetterRegister(Guid Id, string CenterId, string Code, int Year, int LastOutgoing = 0, int LastIncoming = 0) : IBelongsToCenter
{
    public static LetterRegister Create(LetterRegisterOpened e) => new(e.RegisterId, e.CenterId, e.Code, e.Year);

    public LetterRegister Apply(RegisterNumberTaken e) => e.Direction == RegisterDirection.Outgoing
        ? this with { LastOutgoing = e.Sequence }
        : this with { LastIncoming = e.Sequence };

    public int Last(string direction) => direction == RegisterDirection.Outgoing ? LastOutgoing : LastIncoming;

    /// <summary>The same id in every process, from the center and the year.</summary>
    public static Guid IdOf(string centerId, int year)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"letter-register:{centerId}:{year}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string Format(string code, int year, string direction, int sequence) =>
        direction == RegisterDirection.Outgoing ? $"{code}-{year}/{sequence:D4}" : $"{code}-{year}/IN-{sequence:D4}";

    /// <summary>The number a new entry takes and the events that record it; the register's opening when it is the year's first.</summary>
    public static IReadOnlyList<object> Take(LetterRegister? register, CenterCalendar calendar, string direction, Guid caseId, Guid entryId,
        DateTimeOffset occurredAt, out string number)
    {
        var year = calendar.LocalDate(occurredAt).Year;
        var id = IdOf(calendar.CenterId, year);
        var events = new List<object>();
        if (register is null)
        {
            register = new LetterRegister(id, calendar.CenterId, calendar.Code, year);
            events.Add(new LetterRegisterOpened(id, calendar.CenterId, calendar.Code, year, occurredAt));
        }
        var sequence = register.Last(direction) + 1;
        number = Format(register.Code, year, direction, sequence);
        events.Add(new RegisterNumberTaken(id, register.CenterId, year, direction, sequence, number, caseId, entryId, occurredAt));
        return events;
    }
}
