using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.Register.Numbering;
using CaseFlow.ServiceDefaults.Calendar;

namespace CaseFlow.Correspondence.Letters.Sending;

/// <param name="Subject">The letter's sealed subject, as it is (for the outstanding list).</param>
/// <param name="ReplyDueEnd">The instant the due day ends at the center (its midnight); null on letters sent before it was kept.</param>
/// <param name="RegisterNumber">The center's outgoing register number (KS-2020/0042), taken in the send's transaction.</param>
public sealed record LetterSent(
    Guid CaseId, string CenterId, Guid LetterId, string AgencyId, string AgencyName, string Kind, Sealed<string> Subject,
    string Channel, string OutgoingReference, DateOnly ReplyDueBy, DateTimeOffset OccurredAt, Guid ConsentId, int ConsentVersion,
    DateTimeOffset? ReplyDueEnd = null, string? RegisterNumber = null);

/// <param name="DefaultReplyDays">The agency's usual reply time, when it is still in the directory.</param>
/// <param name="AgencyKind">The agency's kind in the directory, for letters drafted before their kind was kept.</param>
/// <param name="WorkingDays">Whether the agency's usual reply time counts working days at the center.</param>
public sealed record SendLetter(
    Guid LetterId, string Channel, string OutgoingReference, DateOnly? ReplyDueBy, int? DefaultReplyDays, DateTimeOffset OccurredAt,
    string? AgencyKind = null, bool WorkingDays = false) : ILetterCommand
{
    /// <summary>The center's calendar as known when the command is decided (the shipped reference data unless the host gives its own).</summary>
    public Func<string, CenterCalendar> CalendarOf { get; init; } = center => CenterCalendars.Shipped.For(center);

    public static (StreamCommand File, SendLetter Command) Parse(Api.V1.SendLetterRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var channel = check.OneOf(request.Channel, Vocabulary.Channels, "channel", "channel");
        var reference = check.Text(request.OutgoingReference, "outgoingReference", max: LetterLimits.MaxReference);
        var due = check.Date(request.ReplyDueBy, "replyDueBy");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.SendLetter", "correspondence file of case", caseId, expected, request.RequestId),
            new SendLetter(letterId, channel, reference, due, null, occurredAt));
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        var letter = file.Find(LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Status is LetterStatus.Sent or LetterStatus.Replied)
        {
            if (letter.Channel == Channel && letter.OutgoingReference == OutgoingReference) return [];
            throw new RuleViolated($"letter {letter.Id} was already sent on {letter.SentAt:yyyy-MM-dd}");
        }
        file.EnsureOpen("sent");
        if (letter.Kind == Vocabulary.OfficialApplication && !letter.IsApproved)
            throw new RuleViolated($"letter {letter.Id} is an official application: a supervisor must approve it before it is sent");
        LetterRules.EnsureNotBefore(OccurredAt, letter.DraftedAt, "the letter was drafted");
        var calendar = CalendarOf(file.CenterId);
        var due = ReplyDue(calendar, OccurredAt, ReplyDueBy, DefaultReplyDays, WorkingDays, letter.AgencyName);
        var consent = file.RequireConsent(letter, AgencyKind, OccurredAt);
        return
        [
            new LetterSent(file.Id, file.CenterId, letter.Id, letter.AgencyId, letter.AgencyName, letter.Kind, letter.Subject,
                Channel, OutgoingReference, due, OccurredAt, consent.ConsentId, consent.Version, calendar.EndOfDay(due)),
        ];
    }

    /// <summary>
    /// The reply is due on the given day, or after the agency's usual reply time (in working days at the center when the
    /// agency counts so); always after the day it went out, as the center's wall calendar says.
    /// </summary>
    public static DateOnly ReplyDue(CenterCalendar calendar, DateTimeOffset sentAt, DateOnly? given, int? defaultReplyDays,
        bool workingDays, string agencyName)
    {
        var sentOn = calendar.LocalDate(sentAt);
        if (given is { } day)
        {
            if (day <= sentOn)
                throw new InvalidInput("replyDueBy", $"{day:yyyy-MM-dd} must be after the day the letter goes out ({sentOn:yyyy-MM-dd})");
            return day;
        }
        if (defaultReplyDays is { } days and > 0) return workingDays ? calendar.AddWorkingDays(sentOn, days) : sentOn.AddDays(days);
        throw new InvalidInput("replyDueBy", $"is required: {agencyName} has no default reply time in the directory");
    }
}

/// <summary>
/// Without a due date in the request, the reply is due after the agency's usual reply time, from the directory; the
/// directory also knows the agency's kind for letters drafted before their kind was kept. The send takes the center's
/// next outgoing register number in its own transaction: a refused send takes none, a repeated one keeps its own.
/// </summary>
public sealed class SendLetterHandler(AgencyDirectory agencies, CenterCalendars calendars, RegisterNumbers numbers)
{
    public async Task<Api.V1.LetterChanged> Send(EventWriter writer, StreamCommand file, SendLetter command, CancellationToken ct)
    {
        var stream = await writer.Existing<CorrespondenceFile>(file.StreamId, file.ExpectedVersion, file.What, ct);
        var state = stream.Aggregate!;
        var events = command.Decide(state).ToList();
        var number = state.Find(command.LetterId).RegisterNumber ?? "";
        for (var i = 0; i < events.Count; i++)
            if (events[i] is LetterSent sent)
            {
                number = await numbers.Take(writer, state.CenterId, RegisterDirection.Outgoing, sent.CaseId, sent.LetterId, sent.OccurredAt, ct);
                events[i] = sent with { RegisterNumber = number };
            }
        if (events.Count > 0) stream.AppendMany(events);
        return new Api.V1.LetterChanged
        {
            CaseId = state.Id.ToString(), LetterId = command.LetterId.ToString(), Version = (int)(stream.CurrentVersion ?? 0), RegisterNumber = number,
        };
    }

    public async Task<(StreamCommand File, SendLetter Command)> Prepare(Api.V1.SendLetterRequest request, DateTimeOffset now,
        CancellationToken ct)
    {
        var (file, command) = SendLetter.Parse(request, now);
        var agency = await agencies.AgencyOf(file.StreamId, command.LetterId, ct);
        var knownOn = DateOnly.FromDateTime(now.UtcDateTime);
        return (file, command with
        {
            DefaultReplyDays = agency?.DefaultReplyDays, AgencyKind = agency?.Kind, WorkingDays = agency?.ReplyDaysAreWorkingDays == true,
            CalendarOf = center => calendars.For(center, knownOn),
        });
    }
}
