using System.Text.Json.Serialization;
using CaseFlow.Intake.Cases.Consenting;
using CaseFlow.Intake.Cases.Erasing;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using CaseFlow.ServiceDefaults.Reporting;
using SharingConsent = CaseFlow.ServiceDefaults.Privacy.Consent.SharingConsent;

namespace CaseFlow.Intake.Cases;

/// <summary>
/// The state of a case, folded from its stream; kept inline as a snapshot that serves GetCase and ListCases. Personal
/// values stay Sealed as the events gave them (encrypted in the snapshot, erased once their person is).
/// </summary>
public sealed partial record Case(
    Guid Id,
    string CenterId,
    string Category,
    string Channel,
    Sealed<string> OpeningName,
    DateTimeOffset OpenedAt) : IBelongsToCenter
{
    public long Version { get; set; }
    public CaseStatus Status { get; init; } = CaseStatus.Open;
    public Sealed<ApplicantDetails>? Applicant { get; init; }
    /// <summary>Not personal: kept for dashboards when the applicant's data is erased.</summary>
    public string Sex { get; init; } = "unknown";
    public string AgeGroup { get; init; } = AgeGroups.Unknown;
    public IReadOnlyList<FamilyMember> Family { get; init; } = [];
    public IReadOnlyList<OpenVulnerability> OpenVulnerabilities { get; init; } = [];
    public int VulnerabilitiesRaised { get; init; }
    public CasePriority Priority { get; init; } = CasePriority.Normal;
    /// <summary>Priority and status changes at their business times: the statistics' figures as of a time.</summary>
    public IReadOnlyList<FactChange> PriorityHistory { get; init; } = [];
    public IReadOnlyList<FactChange> StatusHistory { get; init; } = [];
    public string? AssignedOperator { get; init; }
    public int ConsultationCount { get; init; }
    public DateTimeOffset? FirstConsultationAt { get; init; }
    public IReadOnlyList<Referral> Referrals { get; init; } = [];
    public CaseOutcome? Outcome { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>Every consent to share, at its newest version.</summary>
    public IReadOnlyList<SharingConsent> Consents { get; init; } = [];
    public IReadOnlyList<ConsentNote> ConsentNotes { get; init; } = [];
    /// <summary>Per fact version, its corrected business time (CorrectingBusinessTime); the history keeps the first one too.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> CorrectedTimes { get; init; } = new Dictionary<long, DateTimeOffset>();

    public Case Apply(CorrectingBusinessTime.BusinessTimeCorrected e) =>
        this with { CorrectedTimes = new Dictionary<long, DateTimeOffset>(CorrectedTimes) { [e.FactVersion] = e.CorrectedAt } };

    /// <summary>The people whose personal data was erased, as the API names them: applicant, escort, member ids.</summary>
    public IReadOnlyList<string> ErasedPeople { get; init; } = [];

    /// <summary>The registered name, or the one given at opening; "[erased]" once the applicant's data is erased.</summary>
    [JsonIgnore]
    public string ApplicantName => Applicant is { } applicant
        ? applicant.IsErased ? Sealed.ErasedText : applicant.Value!.FullName
        : OpeningName.Shown();

    /// <summary>Where the case sorts in lists: opening time, then id. Stored, indexed, and the page token's content.</summary>
    public string ListPosition => $"{OpenedAt.UtcTicks:D19}|{Id}";

    public static bool IsListPosition(string value) =>
        value.Length == 56 && value[19] == '|' && long.TryParse(value[..19], out _) && Guid.TryParse(value[20..], out _);

    public FamilyMember? Member(string memberId) => Family.FirstOrDefault(m => m.MemberId == memberId);

    public SharingConsent? Consent(Guid consentId) => Consents.FirstOrDefault(c => c.ConsentId == consentId);

    public static Case Create(CaseOpened e) => new(e.CaseId, e.CenterId, e.Category, e.Channel, e.ApplicantName, e.OccurredAt);

    public Case Apply(ApplicantRegistered e) => this with { Applicant = e.Applicant, Sex = e.Sex, AgeGroup = e.AgeGroup };
    public Case Apply(ApplicantDetailsCorrected e) => this with { Applicant = e.Applicant, Sex = e.Sex, AgeGroup = e.AgeGroup };

    public Case Apply(FamilyMemberRecorded e) => this with { Family = [.. Family, e.Member] };
    public Case Apply(FamilyMemberUpdated e) => this with { Family = [.. Family.Select(m => m.MemberId == e.Member.MemberId ? e.Member : m)] };

    public Case Apply(FamilySeparationReported e) => this with
    {
        Family = [.. Family.Select(m => m.MemberId == e.MemberId
            ? m with { Separated = true, Details = e.Member, Country = e.Country }
            : m)],
    };

    public Case Apply(VulnerabilityRaised e) => this with
    {
        OpenVulnerabilities = [.. OpenVulnerabilities, new OpenVulnerability(e.VulnerabilityId, e.Kind, e.MemberId, e.Note, e.OccurredAt)],
        VulnerabilitiesRaised = VulnerabilitiesRaised + 1,
        Priority = e.PriorityAfter,
        PriorityHistory = PriorityHistory.Changed(Priority.ToString(), e.PriorityAfter.ToString(), e.OccurredAt),
    };

    public Case Apply(VulnerabilityCleared e) => this with
    {
        OpenVulnerabilities = [.. OpenVulnerabilities.Where(v => v.VulnerabilityId != e.VulnerabilityId)],
        Priority = e.PriorityAfter,
        PriorityHistory = PriorityHistory.Changed(Priority.ToString(), e.PriorityAfter.ToString(), e.OccurredAt),
    };

    public Case Apply(ConsultationHeld e) => this with
    {
        ConsultationCount = ConsultationCount + 1,
        FirstConsultationAt = FirstConsultationAt is { } first && first <= e.OccurredAt ? first : e.OccurredAt,
    };

    public Case Apply(CaseAssigned e) => this with { AssignedOperator = e.Operator };
    public Case Apply(CaseTransferred e) => this with { CenterId = e.ToCenterId, AssignedOperator = null };
    public Case Apply(CaseReferred e) => this with
    {
        Referrals = [.. Referrals, new Referral(e.ReferredTo, e.Reason, e.OccurredAt, e.ConsentId, e.ConsentVersion)],
    };
    public Case Apply(CaseClosed e) => this with
    {
        Status = CaseStatus.Closed, Outcome = e.Outcome, ClosedAt = e.OccurredAt,
        StatusHistory = StatusHistory.Changed(Status.ToString(), nameof(CaseStatus.Closed), e.OccurredAt),
    };
    public Case Apply(CaseReopened e) => this with
    {
        Status = CaseStatus.Open, Outcome = null, ClosedAt = null,
        TrackEnds = TrackEndsAfterReopening,
        StatusHistory = StatusHistory.Changed(Status.ToString(), nameof(CaseStatus.Open), e.OccurredAt),
    };

    public Case Apply(ConsentToShareGiven e) => this with
    {
        Consents = Consents.With(e.Consent),
        ConsentNotes = e.Note is null ? ConsentNotes : [.. ConsentNotes.Where(n => n.ConsentId != e.Consent.ConsentId), new ConsentNote(e.Consent.ConsentId, e.Note)],
    };

    public Case Apply(ConsentToShareWithdrawn e) => this with { Consents = Consents.With(e.Consent) };

    public Case Apply(PersonalDataErased e) => this with
    {
        ErasedPeople = [.. ErasedPeople, e.Person.StartsWith(Subjects.MemberPrefix, StringComparison.Ordinal) ? e.Person[Subjects.MemberPrefix.Length..] : e.Person],
    };
}
