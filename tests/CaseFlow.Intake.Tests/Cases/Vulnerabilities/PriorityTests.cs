using CaseFlow.Intake.Cases.ReportingSeparation;
using CaseFlow.Intake.Cases.Vulnerabilities;

namespace CaseFlow.Intake.Tests.Cases.Vulnerabilities;

public sealed class PriorityTests
{
    private static Case Raise(Case state, string kind, string? member = null, int day = 2) =>
        state.Then(RaiseVulnerabilityRules.Decide(state, new RaiseVulnerability(kind, member, "noted", Given.Day(day)), Given.Kinds));

    [Fact]
    public void Given_no_vulnerability_then_the_case_is_normal_and_a_low_one_keeps_it_normal()
    {
        Given.OpenCase().Priority.ShouldBe(CasePriority.Normal);
        Raise(Given.OpenCase(), "no-income").Priority.ShouldBe(CasePriority.Normal);
    }

    [Fact]
    public void Given_a_separated_child_then_the_case_is_high()
    {
        Raise(Given.OpenCase(Given.SonRecorded), "separated-child", "son-1").Priority.ShouldBe(CasePriority.High);
    }

    [Fact]
    public void Given_a_separated_child_whose_caregiver_is_incapacitated_then_the_case_is_urgent()
    {
        var state = Given.OpenCase(Given.SonRecorded);
        state = state.Then(ReportFamilySeparationRules.Decide(state,
            new ReportFamilySeparation("son-1", new Place("Russia", "Moscow"), "sister", new DateOnly(2020, 3, 16), Given.Day(1))));

        var injured = Raise(state, "caregiver-incapacitated", "son-1", day: 55);

        injured.Priority.ShouldBe(CasePriority.Urgent);
        var raised = injured.OpenVulnerabilities.ShouldHaveSingleItem();
        raised.VulnerabilityId.ShouldBe("v1");
    }

    [Fact]
    public void Given_an_urgent_case_when_the_caregiver_recovers_then_priority_falls_back()
    {
        var state = Raise(Raise(Given.OpenCase(Given.SonRecorded), "separated-child", "son-1"), "caregiver-incapacitated", "son-1");
        state.Priority.ShouldBe(CasePriority.Urgent);

        var recovered = state.Then(ClearVulnerabilityRules.Decide(state, new ClearVulnerability("v2", "sister recovered", Given.Day(60)), Given.Kinds));

        recovered.Priority.ShouldBe(CasePriority.High);
        recovered.OpenVulnerabilities.ShouldHaveSingleItem().Kind.ShouldBe("separated-child");
    }

    [Fact]
    public void Given_an_open_vulnerability_of_a_kind_when_raising_it_again_then_it_is_refused()
    {
        var state = Raise(Given.OpenCase(), "medical-need");
        Should.Throw<RuleViolated>(() => Raise(state, "medical-need"));
    }

    [Fact]
    public void Given_an_unknown_vulnerability_or_member_then_it_is_not_found()
    {
        Should.Throw<NotFound>(() => ClearVulnerabilityRules.Decide(Given.OpenCase(), new ClearVulnerability("v9", "", Given.Day(1)), Given.Kinds));
        Should.Throw<NotFound>(() => Raise(Given.OpenCase(), "separated-child", "daughter-7"));
    }
}
