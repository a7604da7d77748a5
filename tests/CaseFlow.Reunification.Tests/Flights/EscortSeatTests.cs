using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Flights.Seating;
using CaseFlow.Reunification.Travel.ReleasingSeats;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Flights;

/// <summary>An escort who flies takes a seat; a child and their escort are seated whole or wait whole.</summary>
public sealed class EscortSeatTests
{
    private static Traveller WithEscort(int minutes = 0) => Traveller(minutes: minutes) with { Seats = 2 };

    [Fact]
    public void Given_a_ready_child_with_an_escort_then_the_traveller_takes_two_seats() =>
        Seats.TravellerOf(File(ReadyChild()), At).Seats.ShouldBe(2);

    [Fact]
    public void Given_one_free_seat_when_a_child_with_an_escort_asks_then_both_wait() =>
        Seats.Offer(Flight(capacity: 2).Seated(Traveller()), WithEscort(), At).ShouldBeOfType<PassengerWaitlisted>();

    [Fact]
    public void Given_a_child_with_an_escort_seated_then_the_escort_counts_against_the_capacity()
    {
        var flight = Flight(capacity: 3).Seated(WithEscort());
        (flight.SeatsTaken, flight.FreeSeats).ShouldBe((2, 1));
    }

    [Fact]
    public void Given_a_party_of_two_at_the_head_and_one_freed_seat_then_the_next_single_traveller_fits_first()
    {
        var (seated, party, single) = (Traveller(), WithEscort(minutes: 1), Traveller(minutes: 2));
        var flight = Flight(capacity: 2).Seated(Traveller()).Seated(seated).Waiting(party).Waiting(single);
        var events = LeaveFlight.Decide(flight, seated.CaseId, "road", At);
        events.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(single);
        flight.After(events).Waitlist.ShouldBe([party]);
    }

    [Fact]
    public void Given_a_waiting_party_when_its_seats_free_up_then_it_is_seated_whole()
    {
        var (seated, party) = (WithEscort(), WithEscort(minutes: 1));
        var events = LeaveFlight.Decide(Flight(capacity: 2).Seated(seated).Waiting(party), seated.CaseId, "road", At);
        events.OfType<FlightSeatAllocated>().ShouldHaveSingleItem().Traveller.ShouldBe(party);
    }
}
