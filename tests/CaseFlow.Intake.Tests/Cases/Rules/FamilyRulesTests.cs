using CaseFlow.Intake.Cases.RecordingFamily;
using CaseFlow.Intake.Cases.RegisteringApplicant;
using CaseFlow.Intake.Cases.ReportingSeparation;

namespace CaseFlow.Intake.Tests.Cases.Rules;

public sealed class FamilyRulesTests
{
    private static readonly ApplicantDetails Alima = new("Alima Toktosunova", new DateOnly(1988, 3, 1), "female", "Kyrgyzstan",
        "+996555000000", [new IdentityDocument("passport", "AN1234567", null)], new Place("Kyrgyzstan", "Kara-Suu"), new Place("Russia", "Moscow"), "registration-expired");

    [Fact]
    public void Given_a_member_id_in_use_when_recording_another_member_with_it_then_it_is_refused()
    {
        var state = Given.OpenCase(Given.SonRecorded);
        Should.Throw<RuleViolated>(() => RecordFamilyMemberRules.Decide(state, new RecordFamilyMember(Given.Son with { Details = Given.Son.Details with { FullName = "Other" } }, Given.Day(2))));
    }

    [Fact]
    public void Given_an_unknown_member_when_updating_or_reporting_separation_then_it_is_not_found()
    {
        var state = Given.OpenCase();
        Should.Throw<NotFound>(() => UpdateFamilyMemberRules.Decide(state, new UpdateFamilyMember(Given.Son, Given.Day(1))));
        Should.Throw<NotFound>(() => ReportFamilySeparationRules.Decide(state,
            new ReportFamilySeparation("son-1", new Place("Russia", "Moscow"), "sister", new DateOnly(2020, 3, 16), Given.Day(1))));
    }

    [Fact]
    public void Given_a_child_left_before_the_case_when_reporting_separation_then_it_carries_the_past_date_and_the_child_is_a_minor()
    {
        var state = Given.OpenCase(Given.SonRecorded);

        var reported = ReportFamilySeparationRules.Decide(state,
            new ReportFamilySeparation("son-1", new Place("Russia", "Moscow"), "Alima's sister", new DateOnly(2020, 3, 16), Given.Day(1)));

        var e = reported.ShouldHaveSingleItem().ShouldBeOfType<FamilySeparationReported>();
        e.SeparatedSince.ShouldBe(new DateOnly(2020, 3, 16));
        e.IsMinor.ShouldBeTrue();
        e.CenterId.ShouldBe("kara-suu");
        state.Then(reported).Member("son-1")!.Separated.ShouldBeTrue();
    }

    [Fact]
    public void Given_a_separation_date_after_the_report_then_separated_since_is_refused()
    {
        var state = Given.OpenCase(Given.SonRecorded);
        Should.Throw<InvalidInput>(() => ReportFamilySeparationRules.Decide(state,
                new ReportFamilySeparation("son-1", new Place("Russia", "Moscow"), null, new DateOnly(2020, 5, 1), Given.Day(1))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("separatedSince");
    }

    [Fact]
    public void Given_a_birth_date_in_the_future_then_it_is_refused_but_long_before_the_case_is_fine()
    {
        var state = Given.OpenCase();
        Should.Throw<InvalidInput>(() => RecordFamilyMemberRules.Decide(state, new RecordFamilyMember(Given.Son with { Details = Given.Son.Details with { BirthDate = new DateOnly(2021, 1, 1) } }, Given.Day(1))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("member.birthDate");
        RegisterApplicantRules.Decide(state, new RegisterApplicant(Alima, Given.Day(1))).ShouldHaveSingleItem();
    }

    [Fact]
    public void Given_a_registered_applicant_when_registering_again_then_it_is_refused_and_a_correction_is_recorded()
    {
        var state = Given.OpenCase(new ApplicantRegistered(Given.CaseId, Given.OfApplicant(Alima), "female", "adult", Given.Day(1)));

        Should.Throw<RuleViolated>(() => RegisterApplicantRules.Decide(state, new RegisterApplicant(Alima, Given.Day(2))));
        var corrected = state.Then(CorrectApplicantDetailsRules.Decide(state, new CorrectApplicantDetails(Alima with { Phone = "+996777000000" }, "new phone", Given.Day(2))));
        corrected.Applicant!.Value!.Phone.ShouldBe("+996777000000");
        CorrectApplicantDetailsRules.Decide(corrected, new CorrectApplicantDetails(corrected.Applicant.Value, "same", Given.Day(3))).ShouldBeEmpty();
    }

    [Fact]
    public void Given_no_applicant_when_correcting_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => CorrectApplicantDetailsRules.Decide(Given.OpenCase(), new CorrectApplicantDetails(Alima, "typo", Given.Day(1))));
    }
}
