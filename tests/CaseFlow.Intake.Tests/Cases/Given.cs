using CaseFlow.Intake.Cases.Opening;
using CaseFlow.Intake.Cases.RecordingFamily;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.Intake.Cases.Vulnerabilities;
using CaseFlow.ServiceDefaults.Audit;

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

    public static readonly Guid Applicant = Subjects.Applicant(CaseId);

    /// <summary>A personal value of the applicant, as the commands seal it.</summary>
    public static Sealed<T> OfApplicant<T>(T value) => Sealed.For(Applicant, value);

    public static readonly MemberEntry Son =
        new("son-1", "son", new MemberDetails("Aibek", new DateOnly(2018, 1, 10), new Place("Russia", "Moscow"), "sister"), null, false);

    public static Case OpenCase(params object[] events) =>
        Evolve(null, new CaseOpened(CaseId, "kara-suu", "family-separation", "walk-in", OfApplicant("Alima"), Opened)).Then(events);

    public static Case Then(this Case state, IReadOnlyList<object> events) => events.Aggregate(state, Evolve);

    /// <summary>Through the case's own Create/Apply, strictly: an event it has no Apply for fails the test instead of being skipped.</summary>
    private static Case Evolve(Case? state, object e) => StateFolder.Evolve(state, e);

    public static FamilyMemberRecorded SonRecorded => new(CaseId, Son.In(OpenCase()), Day(1));
    public static CaseClosed Closed(CaseOutcome outcome = CaseOutcome.ResolvedByAdvice) => new(CaseId, "kara-suu", outcome, OfApplicant("done"), Day(30));
    public static CaseReopened Reopened(DateTimeOffset at) => new(CaseId, "kara-suu", OfApplicant("the family came back"), at);

    /// <summary>A case with a son and a daughter reported separated (each with a track at Reunification), then the events given.</summary>
    public static Case TwoSeparatedChildren(params object[] then) =>
        OpenCase([.. Separated("son-1", "Aibek"), .. Separated("daughter-1", "Aisha")]).Then(then);

    private static object[] Separated(string memberId, string name)
    {
        var details = Sealed.For(Subjects.Member(CaseId, memberId), new MemberDetails(name, new DateOnly(2015, 3, 1), new Place("Russia", "Moscow"), null));
        return
        [
            new FamilyMemberRecorded(CaseId, new FamilyMember(memberId, "child", details, 5, "child", "Russia", false), Day(1)),
            new FamilySeparationReported(CaseId, "kara-suu", memberId, "child", true, "child", "Russia", details, new DateOnly(2020, 1, 1), Day(2)),
        ];
    }
}
