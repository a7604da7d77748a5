using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Travel.RequestingSeats;
using CaseFlow.ServiceDefaults.Errors;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Travel;

public sealed class RequestSeatTests
{
    private static RequestSeat For(Flight flight) => new(flight.Id, "", "", At);

    [Fact]
    public void Given_a_planned_adult_and_a_free_seat_when_requesting_then_the_seat_is_allocated_on_file_and_flight()
    {
        var flight = Flight();
        var decision = RequestSeat.Decide(File(Separated(minor: false), Plan()), flight, For(flight));

        decision.FileEvents.Select(e => e.GetType()).ShouldBe([typeof(SeatRequested), typeof(SeatAllocated)]);
        decision.FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<FlightSeatAllocated>().Traveller.CaseId.ShouldBe(CaseId);
    }

    [Fact]
    public void Given_a_full_flight_when_requesting_then_the_traveller_joins_its_waitlist()
    {
        var flight = Flight(capacity: 1).Seated(Traveller());
        var decision = RequestSeat.Decide(File(Separated(minor: false), Plan()), flight, For(flight));

        decision.FileEvents.Last().ShouldBeOfType<Waitlisted>().FlightId.ShouldBe(flight.Id);
        decision.FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<PassengerWaitlisted>();
    }

    [Fact]
    public void Given_no_plan_when_requesting_a_seat_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => RequestSeat.Decide(File(Separated()), Flight(), For(Flight()))).Message.ShouldContain("plan");

    [Theory]
    [InlineData(0, "consent")]
    [InlineData(1, "travel document")]
    [InlineData(2, "escort")]
    public void Given_a_child_missing_consent_travel_document_or_escort_when_requesting_then_no_seat(int missing, string named)
    {
        var preparation = new object[]
        {
            new TravelConsentRecorded(CaseId, Applicants("mother"), null, At), new DocumentReady(CaseId, DocumentKinds.TravelDocument, null, At),
            new EscortAssigned(CaseId, Escorts("escort"), null, At),
        };
        var file = File([Separated(), Plan(), .. preparation.Where((_, i) => i != missing)]);
        Should.Throw<RuleViolated>(() => RequestSeat.Decide(file, Flight(), For(Flight()))).Message.ShouldContain(named);
    }

    [Fact]
    public void Given_a_child_with_only_a_birth_certificate_then_the_travel_document_is_still_missing() =>
        RequestSeat.MissingForAChild(File(Separated(), Plan(), new TravelConsentRecorded(CaseId, Applicants("m"), null, At),
            new DocumentReady(CaseId, DocumentKinds.BirthCertificate, null, At), new EscortAssigned(CaseId, Escorts("e"), null, At)))
            .ShouldBe(["a ready travel document"]);

    [Fact]
    public void Given_a_prepared_child_when_requesting_then_the_child_is_seated_with_the_escort_on_the_manifest() =>
        RequestSeat.Decide(File(ReadyChild()), Flight(), For(Flight())).FlightEvents.ShouldHaveSingleItem()
            .ShouldBeOfType<FlightSeatAllocated>().Traveller.ShouldSatisfyAllConditions(t => t.IsMinor.ShouldBeTrue(), t => t.Escort!.Value.ShouldBe("escort"));

    [Fact]
    public void Given_the_parent_travels_to_the_child_then_the_child_rules_do_not_apply() =>
        RequestSeat.Decide(File(Separated(), Plan(ReunificationPlans.ParentTravelsToChild)), Flight(), For(Flight())).FlightEvents
            .ShouldHaveSingleItem().ShouldBeOfType<FlightSeatAllocated>();

    [Fact]
    public void Given_a_seat_on_the_flight_when_requesting_it_again_then_nothing_changes()
    {
        var flight = Flight();
        var file = File(ReadyChild()).After(RequestSeat.Decide(File(ReadyChild()), flight, For(flight)).FileEvents);
        RequestSeat.Decide(file, flight, For(flight)).FileEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_seat_on_another_flight_when_requesting_then_it_must_be_released_first()
    {
        var first = Flight();
        var file = File(ReadyChild()).After(RequestSeat.Decide(File(ReadyChild()), first, For(first)).FileEvents);
        Should.Throw<RuleViolated>(() => RequestSeat.Decide(file, Flight(number: "KG-2"), For(Flight())));
    }

    [Fact]
    public void Given_a_cancelled_flight_when_requesting_then_it_is_refused()
    {
        var flight = Flight().With(new FlightCancelled(Guid.Empty, "closed", At));
        Should.Throw<RuleViolated>(() => RequestSeat.Decide(File(ReadyChild()), flight, For(flight)));
    }

    [Fact]
    public void Given_no_open_flight_on_the_route_when_requesting_then_the_traveller_waits_for_the_route() =>
        RequestSeat.Decide(File(ReadyChild()), null, new RequestSeat(null, "Moscow", "Osh", At)).FileEvents.Last()
            .ShouldBeOfType<Waitlisted>().ShouldSatisfyAllConditions(w => w.FlightId.ShouldBeNull(), w => w.From.ShouldBe("Moscow"));
}
