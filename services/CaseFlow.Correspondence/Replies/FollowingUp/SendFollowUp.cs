using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.ServiceDefaults.Calendar;

namespace CaseFlow.Correspondence.Replies.FollowingUp;

/// <summary>A reminder about an unanswered letter: the reply is now due on a new day. A disclosure too, under a consent.</summary>
/// <param name="Note">Sealed under the applicant; null when none was given.</param>
public sealed record FollowUpSent(
    Guid CaseId, Guid LetterId, string Channel, string OutgoingReference, Sealed<string>? Note, DateOnly ReplyDueBy, DateTimeOffset OccurredAt,
    Guid ConsentId, int ConsentVersion, DateTimeOffset? ReplyDueEnd = null);

/// <param name="DefaultReplyDays">The agency's usual reply time, when it is still in the directory.</param>
/// <param name="AgencyKind">The agency's kind in the directory, for letters drafted before their kind was kept.</param>
public sealed record SendFollowUp(
    Guid LetterId, string Channel, string OutgoingReference, string Note, DateOnly? ReplyDueBy, int? DefaultReplyDays,
    DateTimeOffset OccurredAt, string? AgencyKind = null, bool WorkingDays = false) : ILetterCommand
{
    /// <summary>The center's calendar as known when the command is decided, as for SendLetter.</summary>
    public Func<string, CenterCalendar> CalendarOf { get; init; } = center => CenterCalendars.Shipped.For(center);

    public static (StreamCommand File, SendFollowUp Command) Parse(Api.V1.SendFollowUpRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        var channel = check.OneOf(request.Channel, Vocabulary.Channels, "channel", "channel");
        var reference = check.Text(request.OutgoingReference, "outgoingReference", max: LetterLimits.MaxReference);
        var note = check.Text(request.Note, "note", max: LetterLimits.MaxText);
        var due = check.Date(request.ReplyDueBy, "replyDueBy");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.SendFollowUp", "correspondence file of case", caseId, expected, request.RequestId),
            new SendFollowUp(letterId, channel, reference, note, due, null, occurredAt));
    }

    public IReadOnlyList<object> Decide(CorrespondenceFile file)
    {
        var letter = file.Find(LetterId);
        letter.EnsureNotWithdrawn();
        if (letter.Status == LetterStatus.Replied)
            throw new RuleViolated($"letter {letter.Id} was already answered: no follow-up is needed");
        if (letter.SentAt is not { } sentAt)
            throw new RuleViolated($"letter {letter.Id} was never sent: send it before following it up");
        file.EnsureOpen("followed up");
        LetterRules.EnsureNotBefore(OccurredAt, letter.LastFollowUpAt ?? sentAt, "the letter's last sending");
        var calendar = CalendarOf(file.CenterId);
        var due = SendLetter.ReplyDue(calendar, OccurredAt, ReplyDueBy, DefaultReplyDays, WorkingDays, letter.AgencyName);
        var consent = file.RequireConsent(letter, AgencyKind, OccurredAt);
        return
        [
            new FollowUpSent(file.Id, letter.Id, Channel, OutgoingReference, PersonalText.OfApplicant(file.Id, Note), due, OccurredAt,
                consent.ConsentId, consent.Version, calendar.EndOfDay(due)),
        ];
    }
}

/// <summary>Without a due date in the request, the reply is due after the agency's usual reply time, from the directory.</summary>
public sealed class SendFollowUpHandler(AgencyDirectory agencies, CenterCalendars calendars)
{
    public async Task<(StreamCommand File, SendFollowUp Command)> Prepare(Api.V1.SendFollowUpRequest request, DateTimeOffset now,
        CancellationToken ct)
    {
        var (file, command) = SendFollowUp.Parse(request, now);
        var agency = await agencies.AgencyOf(file.StreamId, command.LetterId, ct);
        var knownOn = DateOnly.FromDateTime(now.UtcDateTime);
        return (file, command with
        {
            DefaultReplyDays = agency?.DefaultReplyDays, AgencyKind = agency?.Kind, WorkingDays = agency?.ReplyDaysAreWorkingDays == true,
            CalendarOf = center => calendars.For(center, knownOn),
        });
    }
}
