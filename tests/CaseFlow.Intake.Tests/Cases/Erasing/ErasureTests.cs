using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases.Erasing;
using CaseFlow.ServiceDefaults.Privacy;

namespace CaseFlow.Intake.Tests.Cases.Erasing;

public sealed class ErasureTests
{
    private static ErasePersonalData Erase(string person, int day = 5) => new(person, "her request", "GDPR art. 17(1)(a)", Given.Day(day));

    [Fact]
    public void Given_a_member_when_erasing_them_then_the_erasure_names_their_subject_and_the_case_lists_them_erased()
    {
        var state = Given.OpenCase(Given.SonRecorded);

        var erased = ErasePersonalDataRules.Decide(state, Erase("son-1")).ShouldHaveSingleItem().ShouldBeOfType<PersonalDataErased>();

        (erased.Person, erased.SubjectId).ShouldBe(("member:son-1", Subjects.Member(Given.CaseId, "son-1")));
        state.Then([erased]).ErasedPeople.ShouldBe(["son-1"]);
    }

    [Fact]
    public void Given_an_erased_applicant_when_erasing_again_then_nothing_happens_even_on_a_closed_case()
    {
        var state = Given.OpenCase(Given.Closed());
        var erased = state.Then(ErasePersonalDataRules.Decide(state, Erase("applicant")));

        erased.ErasedPeople.ShouldBe(["applicant"]);
        ErasePersonalDataRules.Decide(erased, Erase("applicant", 6)).ShouldBeEmpty();
        ErasePersonalDataRules.Decide(erased, Erase("escort")).ShouldHaveSingleItem();
    }

    [Fact]
    public void Given_an_unknown_person_then_it_is_not_found_and_a_missing_reason_or_legal_basis_is_named()
    {
        Should.Throw<NotFound>(() => ErasePersonalDataRules.Decide(Given.OpenCase(), Erase("daughter-7"))).Message.ShouldContain("daughter-7");
        Should.Throw<InvalidInput>(() => ErasePersonalDataRules.Parse(
                new ErasePersonalDataRequest { CaseId = Given.CaseId.ToString(), Person = "applicant" }, Given.Day(1)))
            .Problems.Select(p => p.Field).ShouldBe(["reason", "legalBasis"]);
    }
}
