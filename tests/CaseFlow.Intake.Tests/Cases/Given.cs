using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.Intake.Cases.Vulnerabilities;

namespace CaseFlow.Intake.Tests.Cases;

/// <summary>Builds the state of a case from its events, as Marten does: the "given" of every test.</summary>
public static class Given
{
    public static readonly Guid CaseId = Guid.Parse("0192c5a0-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset Opened = new(2020, 4, 2, 9, 0, 0, TimeSpan.Zero);
    public static DateTimeOffset Day(int daysAfterOpening) => Opened.AddDays(daysAfterOpening);

    public static readonly IReadOnlyList<VulnerabilityKind> Kinds =
    [
        new("separated-child", "Separated child", true),
        new("caregiver-incapacitated", "Caregiver incapacitated", true),
        new("medical-need", "Medical need", true),
        new("no-income", "No income", false),
    ];

    public static readonly FamilyMember Son =
        new("son-1", "son", "Aibek", new DateOnly(2018, 1, 10), null, new Place("Russia", "Moscow"), "sister", false);

    public static Case OpenCase(params object[] events)
    {
        var state = Case.Create(new CaseOpened(CaseId, "kara-suu", "family-separation", "walk-in", "Alima", Opened));
        return events.Aggregate(state, (current, e) => Apply(current, e));
    }

    public static Case Apply(Case state, object e) => e switch
    {
        ApplicantRegistered x => state.Apply(x),
        ApplicantDetailsCorrected x => state.Apply(x),
        FamilyMemberRecorded x => state.Apply(x),
        FamilyMemberUpdated x => state.Apply(x),
        FamilySeparationReported x => state.Apply(x),
        VulnerabilityRaised x => state.Apply(x),
        VulnerabilityCleared x => state.Apply(x),
        ConsultationHeld x => state.Apply(x),
        CaseAssigned x => state.Apply(x),
        CaseTransferred x => state.Apply(x),
        CaseReferred x => state.Apply(x),
        CaseClosed x => state.Apply(x),
        CaseReopened x => state.Apply(x),
        ReunionReported x => state.Apply(x),
        _ => state,
    };

    public static Case Then(this Case state, IReadOnlyList<object> events) => events.Aggregate(state, Apply);

    public static FamilyMemberRecorded SonRecorded => new(CaseId, Son, Day(1));
    public static CaseClosed Closed(CaseOutcome outcome = CaseOutcome.ResolvedByAdvice) => new(CaseId, "kara-suu", outcome, "done", Day(30));
}
