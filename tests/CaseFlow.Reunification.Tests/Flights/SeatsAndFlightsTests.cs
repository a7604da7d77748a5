using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Flights.Cancelling;
using CaseFlow.Reunification.Flights.ChangingCapacity;
using CaseFlow.Reunification.Flights.Departing;
using CaseFlow.Reunification.Flights.Scheduling;
using CaseFlow.Reunification.Travel.ReleasingSeats;
using CaseFlow.ServiceDefaults.Errors;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Flights;

public sealed class SeatsAndFlightsTests
{
    [Fact]
    public void Given_waiting_travellers_then_the_waitlist_is_ordered_by_priority_then_request_time_then_arrival()
    {
        var (late, early, urgent, tie) = (Traveller(minutes: 9), Traveller(minutes: 1), Traveller("urgent", 50), Traveller(minutes: 1));
        Flight(capacity: 0).Waiting(late).Waiting(early).Waiting(urgent).Waiting(tie).Waitlist.ShouldBe([urgent, early, tie, late]);
    }

    [Fact]
    public void Given_a_waitlist_when_a_priority_is_escalated_then_the_traveller_moves_up()
    {
        var (first, second) = (Traveller(minutes: 1), Traveller(minutes: 2));
        var flight = Flight(capacity: 0).Waiting(first).Waiting(second)
            .With(new WaitlistPriorityChanged(Guid.Empty, second.CaseId, "high", At));
        flight.Waitlist.Select(t => t.CaseId).ShouldBe([second.CaseId, first.CaseId]);
    }

    [Fact]
    public void Given_a_full_flight_with_a_waitlist_when_a_seat_is_released_then_the_head_of_the_waitlist_gets_it()
    {
        var (seated, head, next) = (Traveller(), Traveller("high", 5), Traveller(minutes: 1));
        var events = LeaveFlight.Decide(Flight(capacity: 1).Seated(seated).Waiting(next).Waiting(head), seated.CaseId, "road", At);
        events.Select(e => e.GetType()).ShouldBe([typeof(FlightSeatReleased), typeof(FlightSeatAllocated)]);
        events.Last().ShouldBeOfType<FlightSeatAllocated>().ShouldSatisfyAllConditions(
            s => s.Traveller.ShouldBe(head), s => s.FromWaitlist.ShouldBeTrue());
    }

    [Fact]
    public void Given_a_waitlisted_traveller_when_leaving_then_no_seat_is_freed()
    {
        var waiting = Traveller();
        LeaveFlight.Decide(Flight(capacity: 1).Seated(Traveller()).Waiting(waiting), waiting.CaseId, "r", At)
            .ShouldHaveSingleItem().ShouldBeOfType<PassengerLeftWaitlist>();
    }

    [Fact]
    public void Given_a_waitlist_when_the_capacity_is_raised_then_the_new_seats_go_to_its_head()
    {
        var (a, b) = (Traveller(minutes: 1), Traveller(minutes: 2));
        var events = ChangeCapacity.Decide(Flight(capacity: 1).Seated(Traveller()).Waiting(a).Waiting(b), new ChangeCapacity(2, "bigger", At));
        events.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(a);
    }

    [Fact]
    public void Given_seats_taken_when_lowering_the_capacity_below_them_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => ChangeCapacity.Decide(Flight(capacity: 2).Seated(Traveller()).Seated(Traveller()),
            new ChangeCapacity(1, "smaller", At)));

    [Fact]
    public void Given_passengers_when_the_flight_is_cancelled_then_each_is_rebooked_or_waitlisted_on_the_next_and_told()
    {
        var (normal, urgent, waiting) = (Traveller(minutes: 1), Traveller("urgent", 2), Traveller(minutes: 3));
        var flight = Flight(capacity: 2).Seated(normal).Seated(urgent).Waiting(waiting);
        var next = Flight(capacity: 1, number: "KG-9", date: "2020-07-10");

        var decision = CancelFlight.Decide(flight, next, new CancelFlight("airspace closed", At));

        decision.FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<FlightCancelled>();
        decision.NextFlightEvents!.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(urgent);
        decision.NextFlightEvents!.OfType<PassengerWaitlisted>().Select(w => w.Traveller).ShouldBe([normal, waiting]);
        decision.FileEvents.Select(f => f.CaseId).ShouldBe([urgent.CaseId, normal.CaseId, waiting.CaseId]);
        decision.FileEvents.ShouldAllBe(f => f.Events[0] is TravelDisrupted && ((TravelDisrupted)f.Events[0]).RebookedFlightId == next.Id);
    }

    [Fact]
    public void Given_no_next_flight_when_cancelled_then_the_travellers_wait_for_the_route()
    {
        var decision = CancelFlight.Decide(Flight().Seated(Traveller()), null, new CancelFlight("closed", At));
        decision.FileEvents.ShouldHaveSingleItem().Events.ShouldHaveSingleItem().ShouldBeOfType<TravelDisrupted>()
            .ShouldSatisfyAllConditions(d => d.Waitlisted.ShouldBeTrue(), d => d.RebookedFlightId.ShouldBeNull());
    }

    [Fact]
    public void Given_a_departed_flight_when_cancelling_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => CancelFlight.Decide(Flight().With(new FlightDeparted(Guid.Empty, At)), null, new CancelFlight("r", At)));

    [Fact]
    public void Given_passengers_and_a_waitlist_when_the_flight_departs_then_passengers_depart_and_the_waitlist_moves_on()
    {
        var (passenger, waiting) = (Traveller(), Traveller());
        var decision = RecordFlightMovement.DecideDeparture(Flight(capacity: 1).Seated(passenger).Waiting(waiting), null, new RecordFlightMovement(At));
        decision.FileEvents.Single(f => f.CaseId == passenger.CaseId).Events.ShouldHaveSingleItem().ShouldBeOfType<Departed>();
        decision.FileEvents.Single(f => f.CaseId == waiting.CaseId).Events.ShouldHaveSingleItem().ShouldBeOfType<TravelDisrupted>();
    }

    [Fact]
    public void Given_a_scheduled_flight_when_recording_its_arrival_then_it_must_have_departed() =>
        Should.Throw<RuleViolated>(() => RecordFlightMovement.DecideArrival(Flight(), new RecordFlightMovement(At)));

    [Fact]
    public void Given_a_departed_flight_when_it_arrives_then_every_passenger_arrives()
    {
        var passenger = Traveller();
        RecordFlightMovement.DecideArrival(Flight().Seated(passenger).With(new FlightDeparted(Guid.Empty, At)), new RecordFlightMovement(At)).FileEvents
            .ShouldHaveSingleItem().Events.ShouldHaveSingleItem().ShouldBeOfType<Arrived>().CaseId.ShouldBe(passenger.CaseId);
    }

    [Fact]
    public void Given_travellers_waiting_for_a_route_when_a_flight_is_scheduled_then_they_are_seated_by_priority()
    {
        var normal = File(Separated(minor: false), Plan(), new SeatRequested(CaseId, null, "Moscow", "Osh", At),
            new Waitlisted(CaseId, null, null, "Moscow", "Osh", At));
        var urgent = normal with { Id = Guid.NewGuid(), Priority = Priorities.Urgent, SeatRequestedAt = At.AddDays(1) };
        var scheduled = new FlightScheduled(Guid.NewGuid(), "KG-5", "Moscow", "Osh", DateOnly.Parse("2020-07-20"), 1, At);

        var (flightEvents, fileEvents) = ScheduleFlight.SeatWaitingTravellers(scheduled, [normal, urgent]);

        flightEvents.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.CaseId.ShouldBe(urgent.Id);
        flightEvents.OfType<PassengerWaitlisted>().ShouldHaveSingleItem().Traveller.CaseId.ShouldBe(normal.Id);
        fileEvents.Count.ShouldBe(2);
    }

    [Fact]
    public void Given_a_flight_number_on_a_day_when_scheduling_it_again_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => ScheduleFlight.EnsureNew(
            new FlightScheduled(Guid.NewGuid(), "KG-1", "Moscow", "Osh", DateOnly.Parse("2020-07-04"), 5, At), [Flight()]));
}
