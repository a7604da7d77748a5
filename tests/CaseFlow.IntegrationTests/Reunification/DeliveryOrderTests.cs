using System.Text.Json.Nodes;
using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using V2 = CaseFlow.Contracts.Intake.V2;
using static CaseFlow.IntegrationTests.Reunifying.ReunificationCalls;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>
/// Deliveries the broker does not order: the same message to two instances at once, and one case's messages of
/// different types (separate queues) arriving in any order.
/// </summary>
public sealed class DeliveryOrderTests(TwoReunificationInstances system) : IClassFixture<TwoReunificationInstances>
{
    private JsonApi Lawyer => system.Reunification.Json(system.Token());

    [Fact]
    public async Task The_same_messages_delivered_to_two_instances_at_once_open_each_file_once()
    {
        const int Cases = 40;
        var opened = Enumerable.Range(0, Cases).Select(_ => (Id: Guid.NewGuid(), MessageId: Guid.NewGuid())).ToList();
        var separated = opened.Select(c => (Message: Separation(c.Id), MessageId: Guid.NewGuid())).ToList();
        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            foreach (var (id, messageId) in opened)
                for (var copy = 0; copy < 2; copy++)
                    await bus.Publish(new CaseOpened(id, "kara-suu", "family-separation", "walk-in", StoryStart), c => c.MessageId = messageId);
            foreach (var (message, messageId) in separated)
                for (var copy = 0; copy < 2; copy++)
                    await bus.Publish(message, c => c.MessageId = messageId);
        }

        var messageIds = opened.Select(c => c.MessageId).Concat(separated.Select(s => s.MessageId)).ToHashSet();
        await Eventually.True(() => Task.FromResult(system.Consumed.Count(c => messageIds.Contains(c.MessageId)) >= 2 * messageIds.Count),
            "both copies of every message consumed");
        var copies = system.Consumed.Where(c => messageIds.Contains(c.MessageId)).GroupBy(c => c.MessageId).ToList();
        copies.Count(g => g.Select(c => c.Instance).Distinct().Count() == 2)
            .ShouldBeGreaterThan(0, "some copies went to the two instances (else this test proves nothing about them)");

        foreach (var (id, _) in opened)
        {
            (await system.Count(system.Reunification, "mt_events", "stream_id = $1 and type = 'case_file_opened'", id)).ShouldBe(1);
            (await system.Count(system.Reunification, "mt_events", "stream_id = $1 and type = 'reunification_opened'", id)).ShouldBe(1);
        }
        foreach (var messageId in messageIds)
            (await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{messageId}")).ShouldBe(1);
    }

    [Fact]
    public async Task A_separation_and_a_vulnerability_before_the_case_itself_end_as_in_order()
    {
        var inOrder = Guid.NewGuid();
        var outOfOrder = Guid.NewGuid();
        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            foreach (var message in Story(inOrder)) await Publish(bus, message);
            // Last first: the vulnerability (retried until the file exists), the separation (starts the file), the case.
            foreach (var message in Story(outOfOrder).Reverse()) await Publish(bus, message);
        }

        await Eventually.True(async () => await File(inOrder) is { } a && a["priority"]?.ToString() == "urgent"
            && await File(outOfOrder) is { } b && b["priority"]?.ToString() == "urgent", "both files escalated");
        var expected = Comparable(await File(inOrder), inOrder);
        Comparable(await File(outOfOrder), outOfOrder).ShouldBe(expected);
    }

    private static IEnumerable<object> Story(Guid caseId) =>
    [
        new CaseOpened(caseId, "kara-suu", "family-separation", "walk-in", StoryStart),
        Separation(caseId, isMinor: true),
        new VulnerabilityRaised(caseId, "kara-suu", "v-1", "caregiver-incapacitated", "son-1", "the sister broke both legs", "urgent",
            StoryStart.AddDays(30)),
    ];

    private static Task Publish(TestBus.AsyncBus bus, object message) => message switch
    {
        CaseOpened m => bus.Publish(m, _ => { }),
        V2.FamilySeparationReported m => bus.Publish(m, _ => { }),
        VulnerabilityRaised m => bus.Publish(m, _ => { }),
        _ => throw new ArgumentException(message.GetType().Name),
    };

    private async Task<JsonObject?> File(Guid caseId) => await Lawyer.Find(ReunificationCalls.File(caseId));

    /// <summary>The file as the API shows it, without what names the case.</summary>
    private static string Comparable(JsonObject? file, Guid caseId) =>
        file!.ToJsonString().Replace(caseId.ToString(), "<case>");
}
