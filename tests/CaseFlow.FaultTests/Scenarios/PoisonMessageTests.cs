using System.Text.Json;
using CaseFlow.FaultTests.Harness;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>A malformed message put straight on a consumer's queue.</summary>
public sealed class PoisonMessageTests(FaultSystem system) : Scenario(system)
{
    [Fact]
    public async Task A_poison_message_is_retried_parked_in_error_and_the_service_keeps_working()
    {
        var broker = new RabbitManagement(System.Broker.Management, "caseflow");
        var queue = (await broker.Queues()).Select(q => q.Name)
            .Single(n => n.StartsWith("correspondence", StringComparison.Ordinal) && n.EndsWith("case-opened", StringComparison.Ordinal));
        var messageId = Guid.NewGuid();
        var envelope = JsonSerializer.Serialize(new
        {
            messageId,
            messageType = new[] { "urn:message:CaseFlow.Contracts.Intake.V1:CaseOpened" },
            message = new { caseId = "not-a-case-id", centerId = 42 },
            headers = new { },
        });
        System.PoisonSent++;
        await broker.PublishToQueue(queue, envelope, "application/vnd.masstransit+json", messageId.ToString());

        var parked = await Eventually.Get(async () => (await broker.Peek(queue + "_error", 10)).FirstOrDefault(), "the poison in " + queue + "_error");
        var headers = parked!["properties"]!["headers"]!.AsObject();
        headers["MT-Reason"]?.GetValue<string>().ShouldBe("fault");
        headers.Select(h => h.Key).ShouldContain(k => k.StartsWith("MT-Fault-", StringComparison.Ordinal));

        await Operator.OpenCases(10);
        await Conserved();
    }
}
