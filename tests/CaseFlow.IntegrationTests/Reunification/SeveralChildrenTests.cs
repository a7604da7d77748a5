using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>Several separated children per case, each on their own track; siblings booked together stay together.</summary>
public sealed class SeveralChildrenTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private static readonly string[] Siblings = ["son-1", "daughter-1"];
    private JsonApi Lawyer => system.Reunification.Json(system.Token());
    private JsonApi Coordinator => system.Reunification.Json(system.Token(Caller.Supervisor, null, "coordinator"));

    private static object Body(object fields, string? at = null) => fields.GetType().GetProperties()
        .ToDictionary(p => p.Name, p => p.GetValue(fields))
        .Append(new("requestId", Guid.NewGuid().ToString())).Append(new("occurredAt", at ?? "2020-06-20T09:00:00Z"))
        .ToDictionary(p => p.Key, p => p.Value);

    private async Task<string> Schedule(string number, string from, string date, int capacity) =>
        (await Coordinator.Post("/v1/flights", Body(new { number, from, to = "Osh", date, capacity }, "2020-06-01T00:00:00Z")).Ok()).Str("flightId");

    /// <summary>Plan, the guardian's consent, the travel document and the escort on one child's track.</summary>
    private async Task Ready(JsonApi lawyer, Guid caseId, string memberId, string escort)
    {
        await lawyer.Post(File(caseId, "/plan"), Body(new { memberId, plan = "child-travels-to-parent", reason = "the mother cannot enter Russia" })).Ok();
        await lawyer.Post(File(caseId, "/travel-consent"), Body(new { memberId, givenBy = "the mother" })).Ok();
        await lawyer.Post(File(caseId, "/documents"), Body(new { memberId, kind = "travel-document" })).Ok();
        await lawyer.Post(File(caseId, "/escort"), Body(new { memberId, escortName = escort })).Ok();
    }

    private static JsonObject TrackOf(JsonObject file, string memberId) =>
        file["tracks"]!.AsArray().Single(t => t!["memberId"]!.ToString() == memberId)!.AsObject();

    [Fact]
    public async Task Two_children_in_Moscow_and_Yekaterinburg_get_a_track_each_and_fly_home_on_their_own_flights()
    {
        var (lawyer, intake) = (Lawyer, system.Intake.Json(system.Token()));
        var caseId = Guid.Parse((await intake.OpenCase(IntakeCalls.NewCase())).Str("caseId"));
        var c = $"/v1/cases/{caseId}";
        foreach (var (memberId, relationship, name, city) in new[] { ("son-1", "son", "Emir", "Moscow"), ("daughter-1", "daughter", "Aisha", "Yekaterinburg") })
        {
            await intake.Post($"{c}/family", Body(new { member = new { memberId, relationship, fullName = name, birthDate = "2014-05-01",
                location = new { country = "Russia", city } } }, "2020-04-02T09:20:00Z")).Ok();
            await intake.Post($"{c}/family/{memberId}/separation", Body(new { location = new { country = "Russia", city },
                caregiver = "the aunt", separatedSince = "2020-03-16" }, "2020-04-02T09:25:00Z")).Ok();
        }
        var file = await Eventually.Get(async () => await lawyer.Find(File(caseId)) is { } f && f["tracks"]?.AsArray().Count == 2 ? f : null,
            "a track for each separated child");
        file["tracks"]!.AsArray().Select(t => (t!["memberId"]!.ToString(), t["stage"]!.ToString(), t["member"]!["city"]!.ToString()))
            .ShouldBe([("son-1", "assessing", "Moscow"), ("daughter-1", "assessing", "Yekaterinburg")], ignoreOrder: true);
        // The top-level fields: the first track, as before tracks (the two separations race to Reunification, so either).
        file.Str("stage").ShouldBe("assessing");
        file["member"]!["memberId"]!.ToString().ShouldBe(file["tracks"]![0]!["memberId"]!.ToString());

        // With two tracks a command must name its member; the refusal changes nothing.
        var before = await system.Count(system.Reunification, "mt_events", "stream_id = $1", caseId);
        var (status, why) = await lawyer.Post(File(caseId, "/plan"), Body(new { plan = "other", reason = "r" }));
        status.ShouldBe(HttpStatusCode.BadRequest);
        why.ToString().ShouldContain("memberId");
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1", caseId)).ShouldBe(before);

        await Ready(lawyer, caseId, "son-1", "a returning migrant");
        await Ready(lawyer, caseId, "daughter-1", "the aunt");
        var (moscow, yekaterinburg) = (await Schedule($"KG-M{Random.Shared.Next(99999)}", "Moscow", "2020-07-04", 10),
            await Schedule($"KG-Y{Random.Shared.Next(99999)}", "Yekaterinburg", "2020-07-05", 10));
        (await lawyer.Post(File(caseId, "/seat"), Body(new { memberId = "son-1", flightId = moscow })).Ok()).Str("outcome").ShouldBe("seated");
        var daughters = await lawyer.Post(File(caseId, "/seat"), Body(new { memberId = "daughter-1", flightId = yekaterinburg })).Ok();
        (daughters.Str("outcome"), daughters.Str("memberId")).ShouldBe(("seated", "daughter-1"));

        file = await lawyer.Get(File(caseId)).Ok();
        (TrackOf(file, "son-1").Str("flightId"), TrackOf(file, "daughter-1").Str("flightId")).ShouldBe((moscow, yekaterinburg));
        TrackOf(file, "daughter-1").Str("escort").ShouldBe("the aunt");
        var asked = await lawyer.Get(File(caseId, "?memberId=daughter-1")).Ok();
        (asked.Str("flightId"), asked["member"]!["name"]!.ToString()).ShouldBe((yekaterinburg, "Aisha"));

        foreach (var flight in new[] { moscow, yekaterinburg })
        {
            await Coordinator.Post($"/v1/flights/{flight}/departure", Body(new { }, "2020-07-05T03:00:00Z")).Ok();
            await Coordinator.Post($"/v1/flights/{flight}/arrival", Body(new { }, "2020-07-05T08:00:00Z")).Ok();
        }
        await lawyer.Post(File(caseId, "/reunion"), Body(new { memberId = "son-1", handedOverTo = "the mother" }, "2020-07-05T10:00:00Z")).Ok();
        file = await lawyer.Get(File(caseId)).Ok();
        (TrackOf(file, "son-1").Str("stage"), TrackOf(file, "daughter-1").Str("stage")).ShouldBe(("reunited", "arrived"));

        // The case closed without the daughter's reunion: her open track is called off, the reunited one stays.
        await intake.Post($"{c}/close", Body(new { outcome = "withdrawn", summary = "the family will travel on its own" }, "2020-07-06T10:00:00Z")).Ok();
        file = await Eventually.Get(async () => await lawyer.Get(File(caseId)).Ok() is var f && TrackOf(f, "daughter-1").Str("stage") == "cancelled" ? f : null,
            "the closure to reach every track");
        TrackOf(file, "son-1").Str("stage").ShouldBe("reunited");

        // Reopened, the daughter's track resumes: Intake counts her as separated again (her cancellation was the closure's,
        // not a choice), so the case cannot close as reunified on the son's reunion alone.
        await Eventually.True(async () => (await intake.Get($"{c}/timeline").Ok())["entries"]!.AsArray()
            .Any(e => e!["type"]!.ToString() == "ReunificationCancellationNoted" && e["memberId"]!.ToString() == "daughter-1"), "Intake to hear of the cancellation");
        await intake.Post($"{c}/reopen", Body(new { reason = "the family could not travel after all" }, "2020-07-08T10:00:00Z")).Ok();
        await Eventually.True(async () => TrackOf(await lawyer.Get(File(caseId)).Ok(), "daughter-1").Str("stage") == "planned", "the daughter's track to resume");
        var (refused, because) = await intake.Post($"{c}/close", Body(new { outcome = "reunified", summary = "the son is home" }, "2020-07-09T10:00:00Z"));
        refused.ShouldBe(HttpStatusCode.PreconditionFailed);
        because["details"]![0]!["violations"]![0]!["subject"]!.ToString().ShouldBe("family/daughter-1");
    }

    [Fact]
    public async Task Another_members_separation_delivered_twice_adds_one_track()
    {
        var caseId = Guid.NewGuid();
        await system.OpenFiles(Lawyer, [Separation(caseId, isMinor: true)]);
        var (messageId, resent) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(Separation(caseId, isMinor: true, memberId: "daughter-1"), m => m.MessageId = messageId);
            await Processed(messageId);
            await bus.Publish(Separation(caseId, isMinor: true, memberId: "daughter-1"), m => m.MessageId = messageId);
            await bus.Publish(Separation(caseId, isMinor: true, memberId: "daughter-1"), m => m.MessageId = resent); // the same fact, a new id
            await Processed(resent);
        }
        (await Lawyer.Get(File(caseId)).Ok())["tracks"]!.AsArray().Select(t => t!["memberId"]!.ToString()).ShouldBe(Siblings);
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1 and type = 'reunification_opened'", caseId)).ShouldBe(2);
    }

    [Fact]
    public async Task A_hundred_concurrent_group_requests_never_split_a_group_nor_exceed_the_capacity_and_a_cancellation_moves_groups_whole()
    {
        const int groups = 100;
        const int capacity = 100;
        var cases = Enumerable.Range(0, groups).Select(_ => Guid.NewGuid()).ToList();
        await system.OpenFiles(Lawyer, cases.SelectMany(id => Siblings.Select(m => Separation(id, isMinor: true, memberId: m))));
        // One aunt for both children (3 seats), or a second escort for every third family (4 seats).
        int SeatsOf(int i) => i % 3 == 0 ? 4 : 3;
        await Parallel.ForEachAsync(Enumerable.Range(0, groups), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            await Ready(Lawyer, cases[i], "son-1", "the aunt");
            await Ready(Lawyer, cases[i], "daughter-1", i % 3 == 0 ? "the uncle" : "the aunt");
        });
        var suffix = Random.Shared.Next(99999);
        var flight = await Schedule($"KG-G{suffix}", "Novosibirsk", "2020-07-04", capacity);
        var next = await Schedule($"KG-H{suffix}", "Novosibirsk", "2020-07-11", capacity / 2);

        var answers = await Task.WhenAll(cases.Select((id, i) => Task.Run(() => Lawyer.Post(File(id, "/seat"),
            Body(new { flightId = flight, group = Siblings }, DateTimeOffset.Parse("2020-06-01T00:00:00Z").AddMinutes(i).ToString("O"))).Ok())));

        answers.ShouldAllBe(a => a["group"]!.AsArray().Count == 2);
        await EveryGroupWhole(cases, flight, SeatsOf, capacity);

        await Coordinator.Post($"/v1/flights/{flight}/cancel", Body(new { reason = "airspace closed" }, "2020-06-25T00:00:00Z")).Ok();
        await EveryGroupWhole(cases, next, SeatsOf, capacity / 2);
    }

    [Fact]
    public async Task Siblings_asking_for_the_next_flight_of_a_route_get_the_first_one_with_room_for_all_of_them()
    {
        var (family, alone) = (Guid.NewGuid(), Guid.NewGuid());
        await system.OpenFiles(Lawyer, [.. Siblings.Select(m => Separation(family, isMinor: true, memberId: m)), Separation(alone, isMinor: true)]);
        foreach (var memberId in Siblings) await Ready(Lawyer, family, memberId, "the aunt");
        await Ready(Lawyer, alone, "son-1", "a returning migrant");
        var from = $"Kazan-{Random.Shared.Next(99999)}";
        var (small, large) = (await Schedule($"KG-S{Random.Shared.Next(99999)}", from, "2020-07-04", 2),
            await Schedule($"KG-L{Random.Shared.Next(99999)}", from, "2020-07-11", 10));

        // Two children and their aunt need 3 seats: the earlier flight's 2 would leave them waiting on it.
        var siblings = await Lawyer.Post(File(family, "/seat"), Body(new { group = Siblings, route = new { from, to = "Osh" } })).Ok();
        (siblings.Str("outcome"), siblings.Str("flightId")).ShouldBe(("seated", large));
        // A child with an escort (2 seats) still gets the earlier one.
        var child = await Lawyer.Post(File(alone, "/seat"), Body(new { route = new { from, to = "Osh" } })).Ok();
        (child.Str("outcome"), child.Str("flightId")).ShouldBe(("seated", small));
    }

    [Fact]
    public async Task Two_tracks_of_one_case_booked_one_by_one_on_the_same_flight_hold_a_seat_each_and_release_their_own()
    {
        var caseId = Guid.NewGuid();
        await system.OpenFiles(Lawyer, Siblings.Select(m => Separation(caseId, isMinor: true, memberId: m)));
        await Ready(Lawyer, caseId, "son-1", "the aunt");
        await Ready(Lawyer, caseId, "daughter-1", "the uncle");
        var flight = await Schedule($"KG-T{Random.Shared.Next(99999)}", "Samara", "2020-07-04", 10);

        foreach (var memberId in Siblings)
            (await Lawyer.Post(File(caseId, "/seat"), Body(new { memberId, flightId = flight })).Ok()).Str("outcome").ShouldBe("seated");
        // Asked again for the son: the same booking, nothing new.
        (await Lawyer.Post(File(caseId, "/seat"), Body(new { memberId = "son-1", flightId = flight })).Ok()).Str("outcome").ShouldBe("seated");

        async Task<List<(string Members, int Seats)>> Manifest() => (await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok())["passengers"]!.AsArray()
            .Select(p => (string.Join(",", p!["memberIds"]!.AsArray().Select(m => m!.ToString())), (int)p["seats"]!)).ToList();
        (await Manifest()).ShouldBe([("son-1", 2), ("daughter-1", 2)], ignoreOrder: true);

        await Lawyer.Post(File(caseId, "/seat/release"), Body(new { memberId = "son-1", reason = "the son stays for his exams" })).Ok();
        (await Manifest()).ShouldBe([("daughter-1", 2)]);
        var file = await Lawyer.Get(File(caseId)).Ok();
        (TrackOf(file, "son-1").Str("flightId"), TrackOf(file, "daughter-1").Str("flightId")).ShouldBe(("", flight));
    }

    private Task Processed(Guid messageId) => Eventually.True(async () =>
        await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{messageId}") == 1, $"message {messageId}");

    /// <summary>Each group seated whole on the flight or waiting whole on its waitlist; seats within the capacity; none left that a waiting group fits.</summary>
    private async Task EveryGroupWhole(IReadOnlyList<Guid> cases, string flight, Func<int, int> seatsOf, int capacity)
    {
        var manifest = await Coordinator.Get($"/v1/flights/{flight}/manifest").Ok();
        var waitlist = (await Coordinator.Get($"/v1/flights/{flight}/waitlist").Ok())["entries"]?.AsArray() ?? [];
        var seated = manifest["passengers"]!.AsArray().Select(p => (Case: Guid.Parse(p!["caseId"]!.ToString()), Seats: (int)p["seats"]!, Members: p["memberIds"]!.AsArray().Count)).ToList();
        var waiting = waitlist.Select(w => (Case: Guid.Parse(w!["caseId"]!.ToString()), Seats: (int)w["seats"]!, Members: w["memberIds"]!.AsArray().Count)).ToList();

        seated.Concat(waiting).Select(p => p.Case).ShouldBe(cases, ignoreOrder: true); // one entry per group, each group once
        seated.Concat(waiting).ShouldAllBe(p => p.Members == 2 && p.Seats == seatsOf(cases.ToList().IndexOf(p.Case)));
        var taken = seated.Sum(p => p.Seats);
        taken.ShouldBeLessThanOrEqualTo(capacity);
        if (waiting.Count > 0) waiting.Min(p => p.Seats).ShouldBeGreaterThan(capacity - taken, "a seat stays empty that a waiting group fits");

        var files = await Task.WhenAll(cases.Select(id => Lawyer.Get(File(id)).Ok()));
        foreach (var file in files)
        {
            var tracks = file["tracks"]!.AsArray().Select(t => (Stage: t!["stage"]!.ToString(), Flight: t["flightId"]!.ToString())).ToList();
            tracks.Distinct().ShouldHaveSingleItem($"the siblings of case {file.Str("caseId")} parted: {string.Join(", ", tracks)}");
            tracks[0].Flight.ShouldBe(flight);
            var onBoard = seated.Any(p => p.Case == Guid.Parse(file.Str("caseId")));
            tracks[0].Stage.ShouldBe(onBoard ? "travel-arranged" : "waitlisted");
        }
    }
}
