using CaseFlow.Reunification.Files.Opening;
using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using CaseFlow.ServiceDefaults.Reporting;

namespace CaseFlow.Reunification.Files;

/// <summary>The separated member's non-personal facts; name, city and caregiver are Intake's (asked of Intake: ServiceDefaults/Privacy/AskingIntake).</summary>
public sealed record SeparatedMember(
    string MemberId, string Relationship, bool IsMinor, string AgeGroup, string Country, DateOnly SeparatedSince);

public sealed record RecordedDecision(Guid? LetterId, string Agency, string Decision, Sealed<string> Summary, DateTimeOffset DecidedAt);

/// <summary>Where the traveller is booked: a flight (seat or waitlist), or only a route while it has no open flight.</summary>
/// <param name="Group">The tracks booked together as one party (this one included); null for a party of one track.</param>
public sealed record Booking(
    Guid? FlightId, string? FlightNumber, DateOnly? FlightDate, string From, string To, bool Seated, IReadOnlyList<string>? Group = null);

/// <summary>
/// The reunification file of one case: from a reported separation to the reunion. Kept inline, so it is also the
/// summary that GetReunification and the dashboards read.
/// </summary>
public sealed partial record ReunificationFile(Guid Id, string CenterId, DateTimeOffset OpenedAt, ReunificationStage Stage) : IBelongsToCenter
{
    public long Version { get; set; }
    public SeparatedMember? Member { get; init; }
    public string? Plan { get; init; }
    public Sealed<string>? PlanReason { get; init; }
    public string Priority { get; init; } = Priorities.Normal;
    public IReadOnlyList<RecordedDecision> AgencyDecisions { get; init; } = [];
    /// <summary>The guardian's consent to the child's travel, and who gave it.</summary>
    public Sealed<string>? TravelConsentGivenBy { get; init; }
    public bool TravelConsentRecorded => TravelConsentGivenBy is not null;
    public IReadOnlyList<string> DocumentsReady { get; init; } = [];
    /// <summary>The case's consents to share personal data (Intake's), newest version of each.</summary>
    public IReadOnlyList<SharingConsent> SharingConsents { get; init; } = [];
    public Sealed<string>? Escort { get; init; }
    public Booking? Booking { get; init; }
    public DateTimeOffset? SeatRequestedAt { get; init; }
    public Sealed<string>? HandedOverTo { get; init; }
    public DateOnly? ReunitedOn { get; init; }
    public int? DaysSeparated { get; init; }
    public Sealed<string>? EndReason { get; init; }

    /// <summary>The child travels unless the parent goes to the child.</summary>
    public bool TravellerIsChild => Member is { IsMinor: true } && Plan != ReunificationPlans.ParentTravelsToChild;

    public static ReunificationFile Create(CaseFileOpened opened) =>
        new(opened.CaseId, opened.CenterId, opened.OccurredAt, ReunificationStage.NoSeparationReported) { OpenedByCase = true };

    /// <summary>The case arrived after its separation had started the file: the case's own opening time stands, as in order.</summary>
    public ReunificationFile Apply(CaseFileOpened e) => this with { OpenedAt = e.OccurredAt, OpenedByCase = true };

    /// <summary>Whether the case's own CaseOpened has reached the file (a separation delivered first starts it without).</summary>
    public bool OpenedByCase { get; init; }

    /// <summary>The separation may be delivered before the case itself: it then opens the file.</summary>
    public static ReunificationFile Create(ReunificationOpened opened) =>
        new ReunificationFile(opened.CaseId, opened.CenterId, opened.OccurredAt, ReunificationStage.NoSeparationReported)
            .Apply(opened);

    public ReunificationFile Apply(ReunificationOpened e) => Member is not null ? WithAnotherTrack(e)
        : (this with { Member = MemberOf(e) }).MovedTo(ReunificationStage.Assessing, e.OccurredAt);

    public ReunificationFile Apply(SharingConsentNoted e) => this with { SharingConsents = SharingConsents.With(e.Consent) };

    public ReunificationFile Apply(FileTransferred e) => this with { CenterId = e.ToCenterId };

    public ReunificationFile Apply(PlanChosen e) =>
        OnTrack(e.MemberId, f => (f with { Plan = e.Plan, PlanReason = e.Reason }).MovedTo(ReunificationStage.Planned, e.OccurredAt));

    public ReunificationFile Apply(PlanChanged e) =>
        OnTrack(e.MemberId, f => (f with { Plan = e.Plan, PlanReason = e.Reason }).MovedTo(ReunificationStage.Planned, e.OccurredAt));

    public ReunificationFile Apply(AgencyDecisionRecorded e) => OnTrack(e.MemberId, f =>
        f with { AgencyDecisions = [.. f.AgencyDecisions, new RecordedDecision(e.LetterId, e.Agency, e.Decision, e.Summary, e.OccurredAt)] });

    public ReunificationFile Apply(PriorityEscalated e) => this with { Priority = e.Priority };

    public ReunificationFile Apply(PriorityLowered e) => this with { Priority = e.Priority };

    public ReunificationFile Apply(TravelConsentRecorded e) => OnTrack(e.MemberId, f => f with { TravelConsentGivenBy = e.GivenBy });

    public ReunificationFile Apply(DocumentReady e) => OnTrack(e.MemberId, f =>
        f.DocumentsReady.Contains(e.Kind) ? f : f with { DocumentsReady = [.. f.DocumentsReady, e.Kind] });

    public ReunificationFile Apply(EscortAssigned e) => OnTrack(e.MemberId, f => f with { Escort = e.EscortName });

    /// <summary>Stage changes at their business times: the statistics' pipeline as of a time.</summary>
    public IReadOnlyList<FactChange> StageHistory { get; init; } = [];

    private ReunificationFile MovedTo(ReunificationStage stage, DateTimeOffset at) =>
        this with { Stage = stage, StageHistory = StageHistory.Changed(Stage.ToString(), stage.ToString(), at) };

    /// <summary>The state after newly decided events (to answer a command with the stage it led to), folded as Marten folds them.</summary>
    public ReunificationFile After(IEnumerable<object> events) => events.Aggregate(this, StateFolder.Evolve);
}
