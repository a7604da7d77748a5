using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Reunions.FollowingTheCase;
using static CaseFlow.Reunification.Tests.Given;
using V1 = CaseFlow.Contracts.Reunification.V1;

namespace CaseFlow.Reunification.Tests.Reunions;

public sealed class FollowCaseTests
{
    private static readonly Guid FlightId = Guid.NewGuid();
    private static readonly object Seat = new SeatAllocated(CaseId, "kara-suu", FlightId, "KG-1", "Moscow", "Osh", DateOnly.Parse("2020-07-04"), At);

    private static Flight SeatedFlight(Traveller waiting) => Flight(capacity: 1, id: FlightId).Seated(Traveller(caseId: CaseId)).Waiting(waiting);

    [Theory]
    [InlineData("withdrawn")]
    [InlineData("unreachable")]
    [InlineData("returned-abroad")]
    [InlineData("resolved-by-advice")]
    [InlineData("referred-out")]
    public void Given_a_held_seat_when_the_case_closes_without_a_reunion_then_the_reunification_is_cancelled_and_the_seat_released(string outcome)
    {
        var next = Traveller();
        var decision = FollowCase.Decide(File([.. ReadyChild(), Seat]), [SeatedFlight(next)], new CaseClosing(outcome, 7, At));

        decision.FileEvents.OfType<CaseClosureFollowed>().ShouldHaveSingleItem().Cancelled.ShouldBeTrue();
        decision.FileEvents.OfType<ReunificationCancelled>().ShouldHaveSingleItem();
        decision.FlightEvents.OfType<FlightSeatReleased>().ShouldHaveSingleItem().CaseId.ShouldBe(CaseId);
        decision.FlightEvents.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(next);
        FollowCase.RuleFor(outcome).Rule.ShouldBe(ClosureRule.Cancel);
    }

    [Fact]
    public void Given_an_open_track_when_the_case_closes_then_its_cancellation_goes_out_as_the_closures()
    {
        var decision = FollowCase.Decide(File([.. ReadyChild(), Seat]), [SeatedFlight(Traveller())], new CaseClosing("withdrawn", 7, At));

        var cancelled = decision.FileEvents.OfType<ReunificationCancelled>().ShouldHaveSingleItem();
        Published(cancelled).ShouldBeOfType<V1.ReunificationCancelled>().WithCase.ShouldBe(true);
    }

    [Fact]
    public void Given_a_closures_cancellation_recorded_before_the_flag_when_the_case_is_reopened_then_it_still_resumes()
    {
        var closed = File([.. ReadyChild(), new CaseClosureFollowed(CaseId, "withdrawn", ClosureRule.Cancel, true, 7, At),
            new ReunificationCancelled(CaseId, "kara-suu", Applicants("the case was withdrawn"), At)]);

        FollowCase.Decide(closed, new CaseReopening(8, At.AddDays(3))).OfType<ReunificationResumed>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Given_a_reunited_file_when_the_case_closes_as_reunified_then_nothing_but_the_closure_is_noted()
    {
        var file = File([.. ReadyChild(), new Reunited(CaseId, "kara-suu", "son-1", Applicants("mother"), DateOnly.Parse("2020-03-16"),
            DateOnly.Parse("2020-07-04"), 110, At)]);
        var decision = FollowCase.Decide(file, [], new CaseClosing("reunified", 9, At));
        decision.FileEvents.ShouldHaveSingleItem().ShouldBeOfType<CaseClosureFollowed>().Rule.ShouldBe(ClosureRule.Keep);
        decision.FlightEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_outcome_this_service_does_not_know_then_nothing_is_undone() =>
        FollowCase.Decide(File([.. ReadyChild(), Seat]), [SeatedFlight(Traveller())], new CaseClosing("emigrated", 7, At))
            .FlightEvents.ShouldBeEmpty();

    [Fact]
    public void Given_a_file_cancelled_by_the_closure_when_the_case_is_reopened_then_the_reunification_resumes_planned()
    {
        var closing = FollowCase.Decide(File([.. ReadyChild(), Seat]), [SeatedFlight(Traveller())], new CaseClosing("unreachable", 7, At));
        var closed = File([.. ReadyChild(), Seat, .. closing.FileEvents]);
        closed.Stage.ShouldBe(ReunificationStage.Cancelled);

        var reopening = FollowCase.Decide(closed, new CaseReopening(8, At.AddDays(3)));

        reopening.OfType<ReunificationResumed>().ShouldHaveSingleItem().Stage.ShouldBe(ReunificationStage.Planned);
        closed.After(reopening).Stage.ShouldBe(ReunificationStage.Planned);
        closed.After(reopening).Booking.ShouldBeNull();
    }

    [Fact]
    public void Given_a_reunification_an_operator_cancelled_when_the_case_is_reopened_then_it_stays_cancelled()
    {
        var cancelled = File([.. ReadyChild(), new ReunificationCancelled(CaseId, "kara-suu", Applicants("called off"), At)]);
        FollowCase.Decide(cancelled, new CaseReopening(8, At)).ShouldHaveSingleItem().ShouldBeOfType<CaseReopeningFollowed>();
    }

    [Fact]
    public void Given_a_newer_reopening_followed_when_an_older_closure_arrives_late_then_it_changes_nothing()
    {
        var file = File([.. ReadyChild(), Seat, new CaseReopeningFollowed(CaseId, 8, At)]);
        var late = FollowCase.Decide(file, [SeatedFlight(Traveller())], new CaseClosing("withdrawn", 6, At));
        late.FileEvents.ShouldBeEmpty();
        late.FlightEvents.ShouldBeEmpty();
        FollowCase.Decide(file, new CaseReopening(8, At)).ShouldBeEmpty();
    }
}
