using CaseFlow.Intake.Cases.Opening;

namespace CaseFlow.Intake.Cases;

/// <summary>The state of a case, folded from its stream; kept inline as a snapshot that serves GetCase and ListCases.</summary>
public sealed record Case(
    Guid Id,
    string CenterId,
    string Category,
    string Channel,
    string ApplicantName,
    DateTimeOffset OpenedAt) : IBelongsToCenter
{
    public long Version { get; set; }
    public CaseStatus Status { get; init; } = CaseStatus.Open;
    /// <summary>Lower-case name without accents or extra spaces: what name search and duplicate detection compare.</summary>
    public string NormalizedName { get; init; } = PersonName.Normalize(ApplicantName);
    public ApplicantDetails? Applicant { get; init; }
    public IReadOnlyList<FamilyMember> Family { get; init; } = [];
    public IReadOnlyList<OpenVulnerability> OpenVulnerabilities { get; init; } = [];
    public int VulnerabilitiesRaised { get; init; }
    public CasePriority Priority { get; init; } = CasePriority.Normal;
    public string? AssignedOperator { get; init; }
    public int ConsultationCount { get; init; }
    public DateTimeOffset? FirstConsultationAt { get; init; }
    public IReadOnlyList<Referral> Referrals { get; init; } = [];
    public CaseOutcome? Outcome { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool ReunionReported { get; init; }

    /// <summary>Where the case sorts in lists: opening time, then id. Stored, indexed, and the page token's content.</summary>
    public string ListPosition => $"{OpenedAt.UtcTicks:D19}|{Id}";

    public static bool IsListPosition(string value) =>
        value.Length == 56 && value[19] == '|' && long.TryParse(value[..19], out _) && Guid.TryParse(value[20..], out _);

    public FamilyMember? Member(string memberId) => Family.FirstOrDefault(m => m.MemberId == memberId);

    public static Case Create(CaseOpened e) => new(e.CaseId, e.CenterId, e.Category, e.Channel, e.ApplicantName, e.OccurredAt);

    public Case Apply(ApplicantRegistered e) => WithApplicant(e.Applicant);
    public Case Apply(ApplicantDetailsCorrected e) => WithApplicant(e.Applicant);

    public Case Apply(FamilyMemberRecorded e) => this with { Family = [.. Family, e.Member] };
    public Case Apply(FamilyMemberUpdated e) => this with { Family = [.. Family.Select(m => m.MemberId == e.Member.MemberId ? e.Member : m)] };

    public Case Apply(FamilySeparationReported e) => this with
    {
        Family = [.. Family.Select(m => m.MemberId == e.MemberId
            ? m with { Separated = true, Location = e.Location, Caregiver = e.Caregiver ?? m.Caregiver }
            : m)],
    };

    public Case Apply(VulnerabilityRaised e) => this with
    {
        OpenVulnerabilities = [.. OpenVulnerabilities, new OpenVulnerability(e.VulnerabilityId, e.Kind, e.MemberId, e.Note, e.OccurredAt)],
        VulnerabilitiesRaised = VulnerabilitiesRaised + 1,
        Priority = e.PriorityAfter,
    };

    public Case Apply(VulnerabilityCleared e) => this with
    {
        OpenVulnerabilities = [.. OpenVulnerabilities.Where(v => v.VulnerabilityId != e.VulnerabilityId)],
        Priority = e.PriorityAfter,
    };

    public Case Apply(ConsultationHeld e) => this with
    {
        ConsultationCount = ConsultationCount + 1,
        FirstConsultationAt = FirstConsultationAt is { } first && first <= e.OccurredAt ? first : e.OccurredAt,
    };

    public Case Apply(CaseAssigned e) => this with { AssignedOperator = e.Operator };
    public Case Apply(CaseTransferred e) => this with { CenterId = e.ToCenterId, AssignedOperator = null };
    public Case Apply(CaseReferred e) => this with { Referrals = [.. Referrals, new Referral(e.ReferredTo, e.Reason, e.OccurredAt)] };
    public Case Apply(CaseClosed e) => this with { Status = CaseStatus.Closed, Outcome = e.Outcome, ClosedAt = e.OccurredAt };
    public Case Apply(CaseReopened e) => this with { Status = CaseStatus.Open, Outcome = null, ClosedAt = null };
    public Case Apply(ReunionReported e) => this with { ReunionReported = true };

    private Case WithApplicant(ApplicantDetails applicant) => this with
    {
        Applicant = applicant,
        ApplicantName = applicant.FullName,
        NormalizedName = PersonName.Normalize(applicant.FullName),
    };
}
