using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Reunions.Completing;
using CaseFlow.Reunification.Reunions.Ending;
using CaseFlow.Reunification.Travel.Departing;
using CaseFlow.ServiceDefaults.Errors;
using static CaseFlow.Reunification.Tests.Given;
using V1 = CaseFlow.Contracts.Reunification.V1;

namespace CaseFlow.Reunification.Tests.Reunions;

public sealed class ReunionTests
{
    private static readonly Guid FlightId = Guid.NewGuid();
    private static readonly object Seat = new SeatAllocated(CaseId, "kara-suu", FlightId, "KG-1", "Moscow", "Osh", DateOnly.Parse("2020-07-04"), At);

    [Fact]
    public void Given_an_arrival_when_the_reunion_is_recorded_on_4_July_then_the_family_was_apart_110_days()
    {
        var file = File([.. ReadyChild(), Seat, new Departed(CaseId, FlightId, null, At), new Arrived(CaseId, FlightId, null, At)]);
        var reunited = RecordReunion.Decide(file, new RecordReunion("mother", DateTimeOffset.Parse("2020-07-04T10:00:00Z")))
            .ShouldHaveSingleItem().ShouldBeOfType<Reunited>();
        reunited.DaysSeparated.ShouldBe(110);
        file.After([reunited]).Stage.ShouldBe(ReunificationStage.Reunited);
    }

    [Fact]
    public void Given_no_arrival_when_the_reunion_is_recorded_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => RecordReunion.Decide(File([.. ReadyChild(), Seat, new Departed(CaseId, FlightId, null, At)]),
            new RecordReunion("mother", At))).Message.ShouldContain("arriv");

    [Fact]
    public void Given_a_seat_when_the_reunification_is_cancelled_then_the_seat_goes_to_the_head_of_the_waitlist()
    {
        var head = Traveller();
        var flight = Flight(capacity: 1, id: FlightId).Seated(Traveller(caseId: CaseId)).Waiting(head);
        var decision = EndReunification.Decide(File([.. ReadyChild(), Seat]), flight, new EndReunification(false, "withdrawn", At));
        var cancelled = decision.FileEvents.ShouldHaveSingleItem().ShouldBeOfType<ReunificationCancelled>();
        Published(cancelled).ShouldBeOfType<V1.ReunificationCancelled>().WithCase.ShouldBe(false);
        decision.FlightEvents.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(head);
    }

    [Fact]
    public void Given_a_failed_reunification_when_anything_more_is_done_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => EndReunification.Decide(File(Separated(), new ReunificationFailed(CaseId, "kara-suu", Applicants("refused"), At)), null,
            new EndReunification(true, "again", At)));

    [Fact]
    public void Given_a_charter_seat_when_recording_an_own_departure_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => RecordOwnTravel.DecideDeparture(File([.. ReadyChild(), Seat]), new RecordOwnTravel(null, At)));

    [Fact]
    public void Given_a_plan_without_a_charter_when_the_traveller_departs_and_arrives_then_both_are_recorded()
    {
        var file = File(Separated(), Plan(ReunificationPlans.ParentTravelsToChild));
        var departed = file.After(RecordOwnTravel.DecideDeparture(file, new RecordOwnTravel("scheduled airline", At)));
        departed.Stage.ShouldBe(ReunificationStage.InTransit);
        departed.After(RecordOwnTravel.DecideArrival(departed, new RecordOwnTravel(null, At))).Stage.ShouldBe(ReunificationStage.Arrived);
    }

    [Fact]
    public void Given_no_departure_when_recording_an_arrival_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => RecordOwnTravel.DecideArrival(File(Separated(), Plan()), new RecordOwnTravel(null, At)));
}
