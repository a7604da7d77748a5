using CaseFlow.Intake.Cases.Assigning;
using CaseFlow.Intake.Cases.Closing;
using CaseFlow.Intake.Cases.Consulting;
using CaseFlow.Intake.Cases.Referring;
using CaseFlow.Intake.Cases.Reopening;
using CaseFlow.Intake.Cases.Transferring;

namespace CaseFlow.Intake.Tests.Cases.Rules;

public sealed class CaseRulesTests
{
    private static HoldConsultation Advice(DateTimeOffset at) =>
        new("aigul", "entry to Russia", "only Russian-citizen relatives give ground for entry", 45, at);

    [Fact]
    public void Given_a_closed_case_when_anything_but_reopening_then_it_is_refused()
    {
        var closed = Given.OpenCase(Given.Closed());

        Should.Throw<RuleViolated>(() => HoldConsultationRules.Decide(closed, Advice(Given.Day(31))));
        Should.Throw<RuleViolated>(() => AssignCaseRules.Decide(closed, new AssignCase("aigul", Given.Day(31))));
        Should.Throw<RuleViolated>(() => CloseCaseRules.Decide(closed, new CloseCase(CaseOutcome.Withdrawn, "again", Given.Day(31))));
        ReopenCaseRules.Decide(closed, new ReopenCase("the family came back", Given.Day(31))).ShouldHaveSingleItem().ShouldBeOfType<CaseReopened>();
    }

    [Fact]
    public void Given_an_open_case_when_reopening_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => ReopenCaseRules.Decide(Given.OpenCase(), new ReopenCase("why", Given.Day(1))));
    }

    [Fact]
    public void Given_no_reunion_reported_when_closing_as_reunified_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => CloseCaseRules.Decide(Given.OpenCase(), new CloseCase(CaseOutcome.Reunified, "home", Given.Day(90))));
    }

    [Fact]
    public void Given_a_reported_reunion_when_closing_as_reunified_then_the_case_closes()
    {
        var reunited = Given.OpenCase(new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)));

        var closed = reunited.Then(CloseCaseRules.Decide(reunited, new CloseCase(CaseOutcome.Reunified, "son home", Given.Day(93))));

        closed.Status.ShouldBe(CaseStatus.Closed);
        closed.Outcome.ShouldBe(CaseOutcome.Reunified);
    }

    [Fact]
    public void Given_a_business_time_before_the_opening_then_occurred_at_is_refused()
    {
        Should.Throw<InvalidInput>(() => HoldConsultationRules.Decide(Given.OpenCase(), Advice(Given.Day(-1))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("occurredAt");
    }

    [Fact]
    public void Given_a_transfer_then_the_other_center_owns_the_case()
    {
        var state = Given.OpenCase(new CaseAssigned(Given.CaseId, "aigul", Given.Day(1)));

        var transferred = state.Then(TransferCaseRules.Decide(state, new TransferCase("osh", "applicant moved to Osh", Given.Day(2))));

        transferred.CenterId.ShouldBe("osh");
        transferred.AssignedOperator.ShouldBeNull();
        Should.Throw<RuleViolated>(() => TransferCaseRules.Decide(transferred, new TransferCase("osh", "again", Given.Day(3))));
    }

    [Fact]
    public void Given_the_same_operator_when_assigning_again_then_nothing_happens()
    {
        var state = Given.OpenCase(new CaseAssigned(Given.CaseId, "aigul", Given.Day(1)));
        AssignCaseRules.Decide(state, new AssignCase("aigul", Given.Day(2))).ShouldBeEmpty();
    }

    [Fact]
    public void Given_consultations_then_the_first_one_is_remembered_whatever_order_they_are_recorded_in()
    {
        var state = Given.OpenCase();
        state = state.Then(HoldConsultationRules.Decide(state, Advice(Given.Day(5))));
        state = state.Then(HoldConsultationRules.Decide(state, Advice(Given.Day(2))));

        state.ConsultationCount.ShouldBe(2);
        state.FirstConsultationAt.ShouldBe(Given.Day(2));
    }
}
