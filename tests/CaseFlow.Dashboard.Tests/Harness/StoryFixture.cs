using CaseFlow.Cli.Demo;

namespace CaseFlow.Dashboard.Tests.Harness;

/// <summary>
/// The dashboard beside services that hold the Kara-Suu story (with names found nowhere else) and cases at other
/// centers: letters, a reunification, a flight and cases in two provinces to count.
/// </summary>
public sealed class StoryFixture : DashboardSystem
{
    public KaraSuuStory.Cast Cast { get; } = new(Mother: "Mamlakat Qyzylbek", Son: "Temirlan Qyzylbek", Passport: "AC7716254");
    public string OtherApplicant { get; } = "Gulnora Ergeshova";
    public IReadOnlyList<string> PersonalValues => [Cast.Mother, Cast.Son, Cast.Passport!, OtherApplicant, "Qyzylbek", "Ergeshova"];

    public string Supervisor => Token(CaseFlow.Access.CallerRoles.Supervisor, null, "coordinator");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var lawyer = Apis(Token(user: "lawyer-kara-suu"));
        await KaraSuuStory.Run(lawyer, Apis(Supervisor), cast: Cast);
        var batken = Apis(Token(center: "batken", user: "lawyer-batken"));
        await batken.Intake.OpenCase(IntakeCalls.NewCase(center: "batken", name: OtherApplicant, occurredAt: "2020-05-11T10:00:00Z"));
        await lawyer.Intake.OpenCase(IntakeCalls.NewCase(name: OtherApplicant, occurredAt: "2021-02-01T08:30:00Z"));
    }
}
