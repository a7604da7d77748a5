using System.Collections.Immutable;
using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Files.Moving;
using CaseFlow.Correspondence.Files.NotingConsent;
using CaseFlow.Correspondence.Files.Opening;
using CaseFlow.Correspondence.Letters.Approving;
using CaseFlow.Correspondence.Letters.Drafting;
using CaseFlow.Correspondence.Letters.Revising;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.ServiceDefaults.Privacy.Consent;

namespace CaseFlow.Correspondence.Files;

/// <summary>The correspondence file of one case: its letters to agencies and their replies.</summary>
public sealed partial record CorrespondenceFile(
    Guid Id, string CenterId, DateTimeOffset OpenedAt, ImmutableDictionary<Guid, Letter> Letters, bool Closed = false) : IBelongsToCenter
{
    public long Version { get; set; }

    public int LetterCount => Letters.Count;

    /// <summary>Mail received about the case and numbered in the incoming register.</summary>
    public int IncomingMailCount { get; init; }

    /// <summary>The newest version of each of the person's consents to share their data, as Intake published them.</summary>
    public IReadOnlyList<SharingConsent> Consents { get; init; } = [];

    public static CorrespondenceFile Create(CorrespondenceFileOpened opened) =>
        new(opened.CaseId, opened.CenterId, opened.OccurredAt, ImmutableDictionary<Guid, Letter>.Empty);

    public CorrespondenceFile Apply(LetterDrafted e) => this with
    {
        Letters = Letters.SetItem(e.LetterId, new Letter(e.LetterId, e.AgencyId, e.AgencyName, e.Kind, e.Language, e.TemplateId,
            e.Subject, e.Body, LetterStatus.Draft, e.OccurredAt, AgencyKind: e.AgencyKind)),
    };

    public CorrespondenceFile Apply(LetterRevised e) =>
        Change(e.LetterId, l => l with { Subject = e.Subject, Body = e.Body, ApprovedBy = null, Status = LetterStatus.Draft, CorrectedSinceDraft = null });

    public CorrespondenceFile Apply(LetterApproved e) =>
        Change(e.LetterId, l => l with { ApprovedBy = e.ApprovedBy, Status = LetterStatus.Approved });

    public CorrespondenceFile Apply(LetterSent e) => Change(e.LetterId, l => l with
    {
        Status = LetterStatus.Sent, SentAt = e.OccurredAt, Channel = e.Channel, OutgoingReference = e.OutgoingReference,
        ReplyDueBy = e.ReplyDueBy, Consent = new ConsentUsed(e.ConsentId, e.ConsentVersion), ReplyDueEnd = e.ReplyDueEnd,
        RegisterNumber = e.RegisterNumber,
    });

    public CorrespondenceFile Apply(FollowUpSent e) => Change(e.LetterId, l => l with
    {
        ReplyDueBy = e.ReplyDueBy, ReplyDueEnd = e.ReplyDueEnd, LastFollowUpAt = e.OccurredAt, FollowUpCount = l.FollowUpCount + 1,
    });

    public CorrespondenceFile Apply(ReplyReceived e) => Change(e.LetterId, l => l with
    {
        Status = LetterStatus.Replied, Reply = new LetterReply(e.IncomingReference, e.Decision, e.Summary, e.OccurredAt),
    });

    public CorrespondenceFile Apply(ReplyOverdue e) => Change(e.LetterId, l => l with { OverdueRaisedFor = e.ReplyDueBy });

    public CorrespondenceFile Apply(LetterWithdrawn e) =>
        Change(e.LetterId, l => l with { Status = LetterStatus.Withdrawn, WithdrawalReason = e.Reason });

    public CorrespondenceFile Apply(Register.RecordingIncomingMail.IncomingMailRecorded e) => this with { IncomingMailCount = IncomingMailCount + 1 };

    public CorrespondenceFile Apply(SharingConsentNoted e) => this with { Consents = Consents.With(e.Consent) };

    public CorrespondenceFile Apply(CorrespondenceFileMoved e) => this with { CenterId = e.ToCenterId };

    public CorrespondenceFile Apply(CorrespondenceFileClosed e) => this with { Closed = true };

    public CorrespondenceFile Apply(CorrespondenceFileReopened e) => this with { Closed = false };

    private CorrespondenceFile Change(Guid letterId, Func<Letter, Letter> change) =>
        Letters.TryGetValue(letterId, out var letter) ? this with { Letters = Letters.SetItem(letterId, change(letter)) } : this;
}
