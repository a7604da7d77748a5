using CaseFlow.Contracts.Reunification.V1;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Intake;

/// <summary>
/// Reunification's cancellations reach the case once each, and one the case's closure made (WithCase) ends the son's
/// track only until the case is reopened, in whichever order the two arrive.
/// </summary>
public sealed class ReunificationCancellationTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private const string Son = "son-1";
    private static readonly DateTimeOffset ClosedAt = DateTimeOffset.Parse("2020-05-02T10:00:00Z");
    private JsonApi Intake => system.Intake.Json(system.Token());

    [Fact]
    public async Task A_cancellation_delivered_twice_changes_the_case_once()
    {
        var caseId = await CaseWithSeparatedSon();
        var (cancelled, messageId) = (new ReunificationCancelled(caseId, "kara-suu", "", ClosedAt, Son, WithCase: false), Guid.NewGuid());

        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(cancelled, c => c.MessageId = messageId);
            await Processed(messageId);
            var noted = await system.Count(system.Intake, "mt_events", "stream_id = $1", caseId);
            await bus.Publish(cancelled, c => c.MessageId = messageId);
            // Queued behind the repeat on the same endpoint: once it is noted, the repeat has been delivered.
            await bus.Publish(new TravelArranged(caseId, "kara-suu", Guid.NewGuid(), "KG-0704", "Moscow", "Osh", new DateOnly(2020, 7, 4),
                ClosedAt, Son), _ => { });
            await Eventually.True(async () => await system.Count(system.Intake, "mt_events", "stream_id = $1", caseId) == noted + 1, "the marker");
        }
        (await Cancellations(caseId)).ShouldBe(1);
        (await SonsTrackEnd(caseId, "cancelled")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_closures_cancellation_arriving_after_the_reopening_leaves_the_track_going_on()
    {
        var caseId = await CaseWithSeparatedSon();
        await Eventually.True(async () => await system.Count(system.Reunification, "mt_events", "stream_id = $1 and type = 'reunification_opened'", caseId) == 1,
            "Reunification to open the son's track");
        await Intake.Post($"/v1/cases/{caseId}/close", new { requestId = NewId(), occurredAt = ClosedAt, outcome = "withdrawn", summary = "moved away" }).Ok();
        await Eventually.True(async () => await Cancellations(caseId, "(data ->> 'WithCase')::boolean") == 1, "Reunification's cancellation, as the closure's");
        (await SonsTrackEnd(caseId, "cancelled-with-case")).ShouldBeTrue();
        await Intake.Post($"/v1/cases/{caseId}/reopen", new { requestId = NewId(), occurredAt = ClosedAt.AddDays(1), reason = "came back" }).Ok();

        var late = Guid.NewGuid();
        await using (var bus = await TestBus.Start(system.BrokerUri))
            await bus.Publish(new ReunificationCancelled(caseId, "kara-suu", "", ClosedAt, Son, WithCase: true), c => c.MessageId = late);
        await Processed(late);

        (await Cancellations(caseId)).ShouldBe(2);
        (await SonsTrackEnd(caseId, end: null)).ShouldBeTrue();
    }

    private async Task<Guid> CaseWithSeparatedSon()
    {
        var caseId = (await Intake.OpenCase(IntakeCalls.NewCase())).Str("caseId");
        var moscow = new { country = "Russia", city = "Moscow" };
        await Intake.Post($"/v1/cases/{caseId}/family", new { requestId = NewId(), occurredAt = "2020-04-02T09:20:00Z",
            member = new { memberId = Son, relationship = "son", fullName = "Emir", birthDate = "2014-05-01", location = moscow } }).Ok();
        await Intake.Post($"/v1/cases/{caseId}/family/{Son}/separation", new { requestId = NewId(), occurredAt = "2020-04-02T09:25:00Z",
            location = moscow, caregiver = "the aunt", separatedSince = "2020-03-16" }).Ok();
        return Guid.Parse(caseId);
    }

    private Task Processed(Guid messageId) => Eventually.True(async () =>
        await system.Count(system.Intake, "mt_doc_processedmessage", "id like $1", $"%/{messageId}") == 1, "Intake to note the message");

    private Task<long> Cancellations(Guid caseId, string also = "true") =>
        system.Count(system.Intake, "mt_events", $"stream_id = $1 and type = 'reunification_cancellation_noted' and {also}", caseId);

    /// <summary>How the case's snapshot holds the son's track ended (null: going on), what closing as reunified is decided on.</summary>
    private async Task<bool> SonsTrackEnd(Guid caseId, string? end) => await system.Count(system.Intake, "mt_doc_case",
        end is null ? $"id = $1 and data -> 'TrackEnds' ->> '{Son}' is null" : $"id = $1 and data -> 'TrackEnds' ->> '{Son}' = $2",
        end is null ? [caseId] : [caseId, end]) == 1;

    private static string NewId() => Guid.NewGuid().ToString();
}
