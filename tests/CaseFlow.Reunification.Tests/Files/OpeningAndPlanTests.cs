using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Files.Opening;
using CaseFlow.Reunification.Plans.Choosing;
using CaseFlow.Reunification.Plans.RecordingAgencyDecisions;
using CaseFlow.Reunification.Priority.Escalating;
using CaseFlow.Reunification.Preparation.AssigningEscort;
using CaseFlow.Reunification.Preparation.RecordingDocuments;
using CaseFlow.ServiceDefaults.Errors;
using IntakeV2 = CaseFlow.Contracts.Intake.V2;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Files;

public sealed class OpeningAndPlanTests
{
    private static readonly IntakeV2.FamilySeparationReported Reported = new(CaseId, "kara-suu", "son-1", "son", true, "child",
        "Russia", DateOnly.Parse("2020-03-16"), At);

    [Fact]
    public void Given_an_opened_case_when_a_separation_is_reported_then_the_reunification_opens_assessing() =>
        File().After(OpenReunification.Decide(File(), Reported)).Stage.ShouldBe(ReunificationStage.Assessing);

    [Fact]
    public void Given_no_file_yet_when_a_separation_is_reported_then_it_opens_the_reunification_with_its_center() =>
        OpenReunification.Decide(null, Reported).ShouldHaveSingleItem().ShouldBeOfType<ReunificationOpened>().CenterId.ShouldBe("kara-suu");

    [Fact]
    public void Given_an_open_reunification_when_the_separation_is_reported_again_then_nothing_changes() =>
        OpenReunification.Decide(File(Separated()), Reported).ShouldBeEmpty();

    [Fact]
    public void Given_no_plan_when_choosing_then_the_plan_is_chosen() =>
        ChoosePlan.Decide(File(Separated()), new ChoosePlan(ReunificationPlans.ParentTravelsToChild, "mother returns", At))
            .ShouldHaveSingleItem().ShouldBeOfType<PlanChosen>();

    [Fact]
    public void Given_a_plan_when_another_is_chosen_then_it_is_a_change_with_the_previous_plan_and_the_reason()
    {
        var changed = ChoosePlan.Decide(File(Separated(), Plan(ReunificationPlans.ParentTravelsToChild)),
            new ChoosePlan(ReunificationPlans.ChildTravelsToParent, "consulate: no legal ground", At)).ShouldHaveSingleItem().ShouldBeOfType<PlanChanged>();
        (changed.PreviousPlan, changed.Plan, changed.Reason.Value).ShouldBe((ReunificationPlans.ParentTravelsToChild, ReunificationPlans.ChildTravelsToParent, "consulate: no legal ground"));
    }

    [Fact]
    public void Given_a_plan_when_the_same_plan_is_chosen_then_nothing_changes() =>
        ChoosePlan.Decide(File(Separated(), Plan()), new ChoosePlan(ReunificationPlans.ChildTravelsToParent, "again", At)).ShouldBeEmpty();

    [Fact]
    public void Given_no_reported_separation_when_choosing_a_plan_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => ChoosePlan.Decide(File(), new ChoosePlan(ReunificationPlans.Other, "r", At)));

    [Fact]
    public void Given_a_seat_when_changing_the_plan_then_the_seat_must_be_released_first() =>
        Should.Throw<RuleViolated>(() => ChoosePlan.Decide(
            File([.. ReadyChild(), new SeatAllocated(CaseId, "kara-suu", Guid.NewGuid(), "KG-1", "Moscow", "Osh", DateOnly.Parse("2020-07-04"), At)]),
            new ChoosePlan(ReunificationPlans.Other, "r", At))).Message.ShouldContain("release the seat");

    [Fact]
    public void Given_an_open_file_when_an_agency_replies_then_its_decision_is_recorded() =>
        File(Separated()).After(RecordAgencyDecision.Decide(File(Separated()),
            new RecordAgencyDecision(null, "Consulate", "refused", "no legal ground", At))).AgencyDecisions.ShouldHaveSingleItem().Decision.ShouldBe("refused");

    [Fact]
    public void Given_a_cancelled_file_when_an_agency_decision_is_recorded_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => RecordAgencyDecision.Decide(File(Separated(), new ReunificationCancelled(CaseId, "kara-suu", Applicants("withdrawn"), At)),
            new RecordAgencyDecision(null, "MFA", "granted", "s", At)));

    [Theory]
    [InlineData("normal", true, "urgent", typeof(PriorityEscalated))]
    [InlineData("urgent", true, "high", null)]
    [InlineData("urgent", false, "normal", typeof(PriorityLowered))]
    [InlineData("normal", false, "high", null)]
    public void Given_a_priority_when_a_vulnerability_is_raised_or_cleared_then_it_only_escalates_or_only_lowers(
        string current, bool raised, string next, Type? expected)
    {
        var file = File(Separated(), new PriorityEscalated(CaseId, current, "k", Applicants("n"), At));
        var events = ChangePriority.Decide(file, new ChangePriority(next, "caregiver-incapacitated", "legs", raised, At));
        if (expected is null) events.ShouldBeEmpty();
        else events.ShouldHaveSingleItem().ShouldBeOfType(expected);
    }

    [Fact]
    public void Given_a_waitlisted_traveller_when_the_priority_changes_then_the_waitlist_place_follows()
    {
        var flight = Flight(capacity: 0).Waiting(Traveller(caseId: CaseId));
        ChangePriority.ForTheWaitlist(flight, CaseId, "urgent", At).ShouldHaveSingleItem();
        ChangePriority.ForTheWaitlist(flight, Guid.NewGuid(), "urgent", At).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_ready_document_when_it_is_recorded_again_then_nothing_changes() =>
        RecordDocumentReady.Decide(File(ReadyChild()), new RecordDocumentReady(DocumentKinds.TravelDocument, null, At)).ShouldBeEmpty();

    [Fact]
    public void Given_a_seat_when_changing_the_escort_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => AssignEscort.Decide(
            File([.. ReadyChild(), new SeatAllocated(CaseId, "kara-suu", Guid.NewGuid(), "KG-1", "Moscow", "Osh", DateOnly.Parse("2020-07-04"), At)]),
            new AssignEscort("someone else", null, At)));
}
