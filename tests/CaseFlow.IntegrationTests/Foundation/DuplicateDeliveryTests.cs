using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using MassTransit;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>The broker delivers at least once: a message delivered twice changes nothing the second time.</summary>
public sealed class DuplicateDeliveryTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task A_case_opened_message_delivered_twice_opens_each_file_once()
    {
        var caseId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var message = new CaseOpened(caseId, "kara-suu", "family-separation", "walk-in", DateTimeOffset.Parse("2020-04-02T09:00:00Z"));

        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(message, context => context.MessageId = messageId);
            await WaitForBothInboxes(messageId);
            await bus.Publish(message, context => context.MessageId = messageId);
            await bus.Publish(message, context => context.MessageId = Guid.NewGuid()); // the same fact, re-sent
        }

        // The inbox makes the redelivery a no-op; wait until both copies were consumed before judging.
        await Eventually.True(async () => await Consumed(system.Correspondence) >= 2 && await Consumed(system.Reunification) >= 2,
            "the repeated deliveries to be consumed");
        (await system.Count(system.Correspondence, "mt_events", "stream_id = $1", caseId)).ShouldBe(1);
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1", caseId)).ShouldBe(1);
        (await system.Count(system.Correspondence, "mt_doc_processedmessage", "id like $1", $"%/{messageId}")).ShouldBe(1);
    }

    private async Task WaitForBothInboxes(Guid messageId) => await Eventually.True(async () =>
            await system.Count(system.Correspondence, "mt_doc_processedmessage", "id like $1", $"%/{messageId}") == 1 &&
            await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{messageId}") == 1,
        "the first delivery to be processed");

    private Task<long> Consumed(RunningService service) => system.Count(service, "mt_doc_processedmessage");
}
