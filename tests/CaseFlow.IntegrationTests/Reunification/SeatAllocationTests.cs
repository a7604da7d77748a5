using System.Text.Json.Nodes;
using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using V1 = CaseFlow.Contracts.Reunification.V1;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>Seats under concurrency, waitlists in priority-then-time order, freed seats and cancelled flights.</summary>
public sealed class SeatAllocationTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private static readonly DateTimeOffset Requests = DateTimeOffset.Parse("2020-06-01T00:00:00Z");
    private JsonApi Lawyer => system.Reunification.Json(system.Token());
    private JsonApi Coordinator => system.Reunification.Json(system.Token(Caller.Supervisor, null, "coordinator"));

    private static string PriorityOf(int i) => i % 7 == 0 ? "urgent" : i % 3 == 0 ? "high" : "normal";
    private static int Rank(string priority) => priority switch { "urgent" => 2, "high" => 1, _ => 0 };

    /// <summary>Planned travellers (adults: no child preparation needed), some of them escalated by Intake.</summary>
    private async Task<IReadOnlyList<Guid>> PlannedTravellers(int count, Func<int, string>? priority = null)
    {
        var cases = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await system.OpenFiles(Lawyer, cases.Select(id => Separation(id)));
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            await Lawyer.Post(File(id, "/plan"), new { requestId = Guid.NewGuid().ToString(), plan = "child-travels-to-parent", reason = "r", occurredAt = "2020-05-01T00:00:00Z" }).Ok());
        if (priority is null) return cases;
        await using (var bus = await TestBus.Start(system.BrokerUri))
            for (var i = 0; i < count; i++)
                if (priority(i) != "normal")
                    await bus.Publish(new VulnerabilityRaised(cases[i], "kara-suu", "v-1", "caregiver-incapacitated", null, "n", priority(i),
                        DateTimeOffset.Parse("2020-05-10T00:00:00Z")), _ => { });
        for (var i = 0; i < count; i++)
        {
            var (id, expected) = (cases[i], priority(i));
            await Eventually.True(async () => (await Lawyer.Get(File(id)).Ok()).Str("priority") == expected, $"case {id} to be {expected}");
        }
        return cases;
    }

    private async Task<string> Schedule(string number, string from, string date, int capacity) =>
        (await Coordinator.Post("/v1/flights", new { requestId = Guid.NewGuid().ToString(), number, from, to = "Osh", date, capacity,
            occurredAt = "2020-05-15T00:00:00Z" }).Ok()).Str("flightId");

    private Task<JsonObject> RequestSeat(Guid caseId, string flightId, DateTimeOffset at) =>
        Lawyer.Post(File(caseId, "/seat"), new { requestId = Guid.NewGuid().ToString(), flightId, occurredAt = at.ToString("O") }).Ok();

    private async Task<IReadOnlyList<(Guid CaseId, string FlightId, string Priority)>> Waitlist(string flightId) =>
        (await Lawyer.Get($"/v1/flights/{flightId}/waitlist").Ok())["entries"]?.AsArray()
            .Select(e => (Guid.Parse(e!["caseId"]!.ToString()), e["flightId"]!.ToString(), e["priority"]!.ToString())).ToList() ?? [];

    private async Task<IReadOnlyList<Guid>> Passengers(string flightId) =>
        (await Coordinator.Get($"/v1/flights/{flightId}/manifest").Ok())["passengers"]?.AsArray()
            .Select(p => Guid.Parse(p!["caseId"]!.ToString())).ToList() ?? [];

    [Fact]
    public async Task A_hundred_concurrent_requests_for_ten_seats_seat_ten_and_waitlist_ninety_by_priority_then_time()
    {
        var cases = await PlannedTravellers(100, PriorityOf);
        var flight = await Schedule("KG-1001", "Moscow", "2020-07-04", capacity: 10);
        var requestedAt = cases.Select((id, i) => (id, at: Requests.AddMinutes(i), priority: PriorityOf(i))).ToList();

        var answers = await Task.WhenAll(requestedAt.Select(r => Task.Run(() => RequestSeat(r.id, flight, r.at))));

        answers.Count(a => a.Str("outcome") == "seated").ShouldBe(10);
        answers.Count(a => a.Str("outcome") == "waitlisted").ShouldBe(90);
        var seated = await Passengers(flight);
        seated.Count.ShouldBe(10);
        var expectedOrder = requestedAt.Where(r => !seated.Contains(r.id))
            .OrderByDescending(r => Rank(r.priority)).ThenBy(r => r.at).Select(r => r.id).ToList();
        (await Waitlist(flight)).Select(w => w.CaseId).ShouldBe(expectedOrder);
    }

    [Fact]
    public async Task A_freed_seat_and_a_raised_capacity_go_to_the_head_of_the_waitlist()
    {
        var cases = await PlannedTravellers(4);
        var flight = await Schedule("KG-2002", "Novosibirsk", "2020-07-10", capacity: 2);
        for (var i = 0; i < 4; i++) await RequestSeat(cases[i], flight, Requests.AddMinutes(i));

        await Lawyer.Post(File(cases[0], "/seat/release"), new { requestId = Guid.NewGuid().ToString(), reason = "travels by road" }).Ok();
        (await Passengers(flight)).ShouldBe([cases[1], cases[2]], ignoreOrder: true);
        (await Lawyer.Get(File(cases[2])).Ok()).Str("stage").ShouldBe("travel-arranged");

        await Coordinator.Post($"/v1/flights/{flight}/capacity", new { requestId = Guid.NewGuid().ToString(), capacity = 3, reason = "bigger plane" }).Ok();
        (await Passengers(flight)).ShouldContain(cases[3]);
        (await Waitlist(flight)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cancelled_flight_rebooks_or_waitlists_everyone_on_the_next_flight_and_tells_each_case()
    {
        await using var published = await PublishedMessages.Listen(system.BrokerUri);
        var cases = await PlannedTravellers(5, i => i == 2 ? "urgent" : "normal");
        var cancelled = await Schedule("KG-3003", "Saint Petersburg", "2020-07-01", capacity: 3);
        var next = await Schedule("KG-3004", "Saint Petersburg", "2020-07-08", capacity: 3);
        for (var i = 0; i < 4; i++) await RequestSeat(cases[i], cancelled, Requests.AddMinutes(i));
        await RequestSeat(cases[4], next, Requests);

        await Coordinator.Post($"/v1/flights/{cancelled}/cancel", new { requestId = Guid.NewGuid().ToString(), reason = "airspace closed" }).Ok();

        var moved = cases.Take(4).ToList();
        var onNext = await Passengers(next);
        onNext.Count.ShouldBe(3);
        onNext.ShouldContain(cases[2]); // the urgent one gets a free seat first
        var waiting = await Waitlist(next);
        (onNext.Concat(waiting.Select(w => w.CaseId))).ShouldBe([cases[4], .. moved], ignoreOrder: true);
        waiting.ShouldAllBe(w => w.FlightId == next);
        (await Coordinator.Get($"/v1/flights/{cancelled}/manifest").Ok()).Str("status").ShouldBe("cancelled");

        await Eventually.True(() => Task.FromResult(moved.All(id => published.Of<V1.TravelDisrupted>().Any(d => d.CaseId == id))),
            "a TravelDisrupted per moved case");
        published.Of<V1.TravelDisrupted>().Where(d => moved.Contains(d.CaseId))
            .ShouldAllBe(d => d.RebookedFlightId == Guid.Parse(next) && d.FlightId == Guid.Parse(cancelled));
        published.Of<V1.TravelDisrupted>().Count(d => d.Waitlisted && moved.Contains(d.CaseId)).ShouldBe(2);
    }
}
