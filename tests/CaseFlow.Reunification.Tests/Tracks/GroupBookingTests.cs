using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Flights.Cancelling;
using CaseFlow.Reunification.Flights.Scheduling;
using CaseFlow.Reunification.Flights.Seating;
using CaseFlow.Reunification.Travel.ReleasingSeats;
using CaseFlow.Reunification.Travel.RequestingSeats;
using CaseFlow.ServiceDefaults.Errors;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Tracks;

/// <summary>Siblings (and their escort) requested together are seated together or wait together, and move together.</summary>
public sealed class GroupBookingTests
{
    private static readonly string[] Siblings = ["son-1", "daughter-1"];

    /// <summary>Two ready children; the aunt escorts both unless another escort is named for the daughter.</summary>
    private static ReunificationFile Children(string daughtersEscort = "aunt", params object[] more) =>
        File([.. ReadyChild("son-1", "aunt"), .. ReadyChild("daughter-1", daughtersEscort), .. more]);

    private static RequestSeat Together(Flight flight) => new(flight.Id, "", "", At, Siblings);

    [Fact]
    public void Given_two_children_with_one_escort_then_the_group_takes_three_seats_and_with_two_escorts_four()
    {
        var file = Children();
        Seats.GroupOf(RequestSeat.TracksOf(file, Together(Flight())), At).Seats.ShouldBe(3);
        Seats.GroupOf(RequestSeat.TracksOf(Children("uncle"), Together(Flight())), At).Seats.ShouldBe(4);
    }

    [Fact]
    public void Given_free_seats_for_the_whole_group_when_requested_together_then_one_party_is_seated_and_each_track_knows_its_group()
    {
        var flight = Flight(capacity: 3);
        var decision = RequestSeat.Decide(Children(), flight, Together(flight));

        var seat = decision.FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<FlightSeatAllocated>();
        seat.Traveller.Seats.ShouldBe(3);
        seat.Traveller.Members.ShouldBe(Siblings);
        var after = Children().After(decision.FileEvents);
        after.EveryTrack().ShouldAllBe(t => t.Stage == ReunificationStage.TravelArranged && t.Booking!.FlightId == flight.Id);
        after.EveryTrack().Select(t => t.Booking!.Group).ShouldAllBe(g => g!.SequenceEqual(Siblings));
        flight.After(decision.FlightEvents).FreeSeats.ShouldBe(0);
    }

    [Fact]
    public void Given_seats_for_one_child_only_when_requested_together_then_the_whole_group_waits_as_one_entry()
    {
        var flight = Flight(capacity: 4).Seated(Traveller() with { Seats = 2 });
        var decision = RequestSeat.Decide(Children(), flight, Together(flight));

        decision.FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<PassengerWaitlisted>().Traveller.Seats.ShouldBe(3);
        Children().After(decision.FileEvents).EveryTrack().ShouldAllBe(t => t.Stage == ReunificationStage.Waitlisted);
    }

    [Fact]
    public void Given_a_seated_group_when_asked_again_together_then_nothing_changes()
    {
        var flight = Flight(capacity: 3);
        var first = RequestSeat.Decide(Children(), flight, Together(flight));
        var decision = RequestSeat.Decide(Children().After(first.FileEvents), flight.After(first.FlightEvents), Together(flight));
        (decision.FileEvents.Count, decision.FlightEvents.Count).ShouldBe((0, 0));
    }

    [Fact]
    public void Given_a_seated_group_when_one_sibling_releases_then_the_whole_group_leaves_and_the_waitlist_takes_the_seats()
    {
        var flight = Flight(capacity: 3);
        var seated = RequestSeat.Decide(Children(), flight, Together(flight));
        var waiting = Traveller(minutes: 5) with { Seats = 3 };
        var (file, onFlight) = (Children().After(seated.FileEvents), flight.After(seated.FlightEvents).Waiting(waiting));

        var release = ReleaseSeat.Decide(file.Track("daughter-1"), onFlight, new ReleaseSeat("travels by road", At));

        release.FileEvents.OfType<SeatReleased>().Select(r => r.MemberId).ShouldBe(Siblings);
        release.FlightEvents.OfType<FlightSeatReleased>().ShouldHaveSingleItem();
        release.FlightEvents.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(waiting);
        file.After(release.FileEvents).EveryTrack().ShouldAllBe(t => t.Stage == ReunificationStage.Planned && t.Booking == null);
    }

    [Fact]
    public void Given_a_seated_group_when_the_flight_is_cancelled_then_the_group_is_rebooked_together_on_the_next_flight()
    {
        var (flight, next) = (Flight(capacity: 3), Flight(capacity: 4, number: "KG-2", date: "2020-07-11"));
        var seated = RequestSeat.Decide(Children(), flight, Together(flight));
        var file = Children().After(seated.FileEvents);

        var decision = CancelFlight.Decide(flight.After(seated.FlightEvents), next, new CancelFlight("airspace closed", At));

        decision.NextFlightEvents!.ShouldHaveSingleItem().ShouldBeOfType<FlightSeatAllocated>().Traveller.Members.ShouldBe(Siblings);
        var (caseId, events) = decision.FileEvents.ShouldHaveSingleItem();
        caseId.ShouldBe(CaseId);
        events.OfType<TravelDisrupted>().Select(d => d.MemberId).ShouldBe(Siblings);
        file.After(events).EveryTrack().ShouldAllBe(t => t.Booking!.FlightId == next.Id && t.Booking.Seated);
    }

    [Fact]
    public void Given_a_seated_group_when_the_next_flight_cannot_take_all_of_it_then_the_group_waits_there_together()
    {
        var (flight, next) = (Flight(capacity: 3), Flight(capacity: 2, number: "KG-2", date: "2020-07-11"));
        var seated = RequestSeat.Decide(Children(), flight, Together(flight));
        var decision = CancelFlight.Decide(flight.After(seated.FlightEvents), next, new CancelFlight("airspace closed", At));

        decision.NextFlightEvents!.ShouldHaveSingleItem().ShouldBeOfType<PassengerWaitlisted>();
        Children().After([.. seated.FileEvents, .. decision.FileEvents.Single().Events]).EveryTrack()
            .ShouldAllBe(t => t.Stage == ReunificationStage.Waitlisted && t.Booking!.FlightId == next.Id);
    }

    [Fact]
    public void Given_a_group_waiting_for_the_route_when_a_flight_is_scheduled_then_it_is_seated_whole_or_not_at_all()
    {
        var waiting = RequestSeat.Decide(Children(), null, new RequestSeat(null, "Moscow", "Osh", At, Siblings));
        var file = Children().After(waiting.FileEvents);
        file.WaitingOnRoutes.ShouldBe([ReunificationFile.Route("Moscow", "Osh")]);

        var small = new FlightScheduled(Guid.NewGuid(), "KG-9", "Moscow", "Osh", DateOnly.Parse("2020-07-20"), 2, At);
        ScheduleFlight.SeatWaitingTravellers(small, [file]).FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<PassengerWaitlisted>();
        var big = small with { Capacity = 3 };
        var (flightEvents, fileEvents) = ScheduleFlight.SeatWaitingTravellers(big, [file]);
        flightEvents.ShouldHaveSingleItem().ShouldBeOfType<FlightSeatAllocated>();
        fileEvents.ShouldHaveSingleItem().Item2.OfType<SeatAllocated>().Select(s => s.MemberId).ShouldBe(Siblings);
    }

    [Fact]
    public void Given_a_group_with_a_parent_travelling_to_a_child_then_it_is_refused()
    {
        var file = Children(more: OnTrack("daughter-1", new PlanChanged(CaseId, "kara-suu", ReunificationPlans.ChildTravelsToParent,
            ReunificationPlans.ParentTravelsToChild, Applicants("the mother goes"), At)));
        Should.Throw<RuleViolated>(() => RequestSeat.Decide(file, Flight(capacity: 9), Together(Flight()))).Message.ShouldContain("group");
    }

    [Fact]
    public void Given_a_group_naming_a_member_without_a_track_then_the_input_is_refused_naming_the_member_id() =>
        Should.Throw<InvalidInput>(() => RequestSeat.Decide(Children(), Flight(), new RequestSeat(null, "Moscow", "Osh", At, ["son-1", "uncle-9"])))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("memberId");
}
