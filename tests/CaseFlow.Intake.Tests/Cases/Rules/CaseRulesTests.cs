using CaseFlow.ServiceDefaults.Privacy;
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
    public void Given_two_separated_children_and_one_reunion_when_closing_as_reunified_then_it_is_refused_naming_the_other()
    {
        var halfway = Given.TwoSeparatedChildren(new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)));

        var refused = Should.Throw<RuleViolated>(() => CloseCaseRules.Decide(halfway, new CloseCase(CaseOutcome.Reunified, "home", Given.Day(94))));

        refused.Message.ShouldContain("outcome 'reunified'");
        refused.Message.ShouldContain("daughter-1 (not reunited yet)");
        refused.Subjects.ShouldHaveSingleItem().ShouldBe(new RuleSubject("REUNIFICATION", "family/daughter-1", "not reunited yet"));
    }

    [Fact]
    public void Given_one_reunion_and_the_other_track_failed_when_closing_as_reunified_then_it_is_refused_but_another_outcome_closes()
    {
        var ended = Given.TwoSeparatedChildren(
            new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)),
            new ReunificationFailureNoted(Given.CaseId, "", Given.Day(95), "daughter-1"));

        Should.Throw<RuleViolated>(() => CloseCaseRules.Decide(ended, new CloseCase(CaseOutcome.Reunified, "son home", Given.Day(96))))
            .Subjects.ShouldHaveSingleItem().ShouldBe(new RuleSubject("REUNIFICATION", "family/daughter-1", "reunification failed"));
        ended.Then(CloseCaseRules.Decide(ended, new CloseCase(CaseOutcome.ReferredOut, "son home; daughter's entry refused", Given.Day(96))))
            .Outcome.ShouldBe(CaseOutcome.ReferredOut);
    }

    [Fact]
    public void Given_one_reunion_and_the_other_track_called_off_when_closing_as_reunified_then_the_case_closes()
    {
        var ended = Given.TwoSeparatedChildren(
            new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)),
            new ReunificationCancellationNoted(Given.CaseId, "", Given.Day(95), "daughter-1"));

        ended.Then(CloseCaseRules.Decide(ended, new CloseCase(CaseOutcome.Reunified, "son home", Given.Day(96)))).Outcome.ShouldBe(CaseOutcome.Reunified);
    }

    [Fact]
    public void Given_every_track_called_off_when_closing_as_reunified_then_it_is_refused()
    {
        var called = Given.TwoSeparatedChildren(
            new ReunificationCancellationNoted(Given.CaseId, "", Given.Day(95), "son-1"),
            new ReunificationCancellationNoted(Given.CaseId, "", Given.Day(95), "daughter-1"));

        Should.Throw<RuleViolated>(() => CloseCaseRules.Decide(called, new CloseCase(CaseOutcome.Reunified, "home", Given.Day(96))));
    }

    [Fact]
    public void Given_both_children_reunited_when_closing_as_reunified_then_the_case_closes()
    {
        var reunited = Given.TwoSeparatedChildren(
            new ReunionReported(Given.CaseId, "daughter-1", "Alima", 120, Given.Day(103)),
            new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)));

        reunited.Then(CloseCaseRules.Decide(reunited, new CloseCase(CaseOutcome.Reunified, "home", Given.Day(104)))).Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public void Given_a_track_cancelled_with_the_case_when_the_case_reopens_then_that_member_counts_as_separated_again()
    {
        var reopened = Given.TwoSeparatedChildren(
            new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)),
            Given.Closed(CaseOutcome.Withdrawn) with { OccurredAt = Given.Day(95) },
            new ReunificationCancellationNoted(Given.CaseId, "", Given.Day(95), "daughter-1"),
            Given.Reopened(Given.Day(120)));

        reopened.StillSeparated.ShouldBe(["daughter-1"]);
    }

    [Fact]
    public void Given_the_closures_cancellation_arrives_after_the_reopening_then_the_member_still_counts_as_separated()
    {
        var reopened = Given.TwoSeparatedChildren(
            new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)),
            Given.Closed(CaseOutcome.Withdrawn) with { OccurredAt = Given.Day(95) },
            Given.Reopened(Given.Day(96)),
            new ReunificationCancellationNoted(Given.CaseId, "", Given.Day(95), "daughter-1"));

        reopened.StillSeparated.ShouldBe(["daughter-1"]);
    }

    [Fact]
    public void Given_a_track_called_off_before_a_closure_when_the_case_reopens_then_it_stays_called_off()
    {
        var reopened = Given.TwoSeparatedChildren(
            new ReunionReported(Given.CaseId, "son-1", "Alima", 110, Given.Day(93)),
            new ReunificationCancellationNoted(Given.CaseId, "", Given.Day(94), "daughter-1"),
            Given.Closed(CaseOutcome.Withdrawn) with { OccurredAt = Given.Day(95) },
            Given.Reopened(Given.Day(120)));

        reopened.StillSeparated.ShouldBeEmpty();
        reopened.Then(CloseCaseRules.Decide(reopened, new CloseCase(CaseOutcome.Reunified, "son home", Given.Day(121)))).Outcome.ShouldBe(CaseOutcome.Reunified);
    }

    [Fact]
    public void Given_a_failure_noted_before_tracks_named_members_then_it_is_the_first_separated_members()
    {
        Given.TwoSeparatedChildren(new ReunificationFailureNoted(Given.CaseId, "", Given.Day(95))).StillSeparated.ShouldBe(["daughter-1"]);
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
