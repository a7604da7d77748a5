using CaseFlow.Intake.Cases.RecordingFamily;
using CaseFlow.Intake.Cases.RegisteringApplicant;
using CaseFlow.Intake.Cases.Vulnerabilities;
using CaseFlow.ServiceDefaults.Privacy;

namespace CaseFlow.Intake.Tests.Cases.Privacy;

public sealed class SealingTests
{
    private static ApplicantDetails Born(DateOnly? birthDate) =>
        new("Alima Toktosunova", birthDate, "female", null, null, [], null, null, null);

    [Theory]
    [InlineData("2002-04-03", "child")]
    [InlineData("2002-04-02", "adult")]
    [InlineData(null, "unknown")]
    public void Given_a_birth_date_when_registering_then_the_age_group_is_the_one_at_the_case_opening(string? born, string ageGroup)
    {
        var registered = RegisterApplicantRules.Decide(Given.OpenCase(),
            new RegisterApplicant(Born(born is null ? null : DateOnly.Parse(born)), Given.Day(400)));

        var e = registered.ShouldHaveSingleItem().ShouldBeOfType<ApplicantRegistered>();
        e.AgeGroup.ShouldBe(ageGroup);
        e.Sex.ShouldBe("female");
        e.Applicant.Subjects.ShouldBe([Given.Applicant]);
    }

    [Fact]
    public void Given_a_member_with_only_an_age_when_recording_then_the_age_group_follows_it_and_the_details_are_the_members()
    {
        var state = Given.OpenCase();
        var son = Given.Son with { Details = Given.Son.Details with { BirthDate = null }, AgeYears = 17 };

        var member = RecordFamilyMemberRules.Decide(state, new RecordFamilyMember(son, Given.Day(1)))
            .ShouldHaveSingleItem().ShouldBeOfType<FamilyMemberRecorded>().Member;

        member.AgeGroup.ShouldBe(AgeGroups.Child);
        member.Country.ShouldBe("Russia");
        member.Details.Subjects.ShouldBe([Subjects.Member(Given.CaseId, "son-1")]);
    }

    [Fact]
    public void Given_a_note_about_a_member_when_raising_a_vulnerability_then_it_is_sealed_under_the_member_else_the_applicant()
    {
        var state = Given.OpenCase(Given.SonRecorded);

        var aboutSon = (VulnerabilityRaised)RaiseVulnerabilityRules.Decide(state, new RaiseVulnerability("separated-child", "son-1", "alone", Given.Day(2)), Given.Kinds)[0];
        var aboutCase = (VulnerabilityRaised)RaiseVulnerabilityRules.Decide(state, new RaiseVulnerability("no-income", null, "no work", Given.Day(2)), Given.Kinds)[0];

        aboutSon.Note.Subjects.ShouldBe([Subjects.Member(Given.CaseId, "son-1")]);
        aboutCase.Note.Subjects.ShouldBe([Given.Applicant]);
    }
}
