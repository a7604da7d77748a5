using System.Text.Json.Nodes;
using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.IntegrationTests.Operations;

/// <summary>
/// With RabbitMq:QuorumQueues on, every queue the three services declare — each receive endpoint, the _error queue a
/// poison message is parked in, the _skipped queue of a message no consumer takes — is a quorum queue, and a message
/// still flows from one service to another through them. On the local single node, in the test class's own virtual host.
/// </summary>
public sealed class QuorumQueueTests(SystemWithQuorumQueues system) : IClassFixture<SystemWithQuorumQueues>
{
    [Fact]
    public async Task Every_queue_the_services_declare_is_a_quorum_queue_and_messages_still_flow()
    {
        var reunificationQueues = system.Reunification.App.Services.GetRequiredService<BrokerQueues>().ConsumerQueues;
        var vulnerabilities = reunificationQueues.Single(q => q.EndsWith("vulnerability-changes", StringComparison.Ordinal));
        var opened = Guid.NewGuid();
        await using (var bus = await TestBus.Start(system.BrokerUri))
        {
            await bus.Publish(new CaseOpened(opened, "kara-suu", "family-separation", "walk-in", DateTimeOffset.Parse("2020-04-02T09:00:00Z")), _ => { });
            // News of a case Reunification has no file for: retried once, then parked in the _error queue.
            await bus.Publish(new VulnerabilityRaised(Guid.NewGuid(), "kara-suu", "v-1", "caregiver-incapacitated", null, "broke both legs", "urgent",
                DateTimeOffset.Parse("2020-05-28T12:00:00Z")), _ => { });
            await bus.Send(vulnerabilities, new NobodyConsumesThis(Guid.NewGuid()));
        }

        await Eventually.True(async () => await system.Count(system.Reunification, "mt_events", "stream_id = $1", opened) == 1,
            "CaseOpened to reach Reunification through its quorum queue");
        var expected = new[] { system.Intake, system.Correspondence, system.Reunification }
            .SelectMany(s => s.App.Services.GetRequiredService<BrokerQueues>().ConsumerQueues)
            .Append(vulnerabilities + BrokerQueues.ErrorSuffix).Append(vulnerabilities + "_skipped").ToList();
        expected.Count.ShouldBeGreaterThan(10);
        var queues = await Eventually.Get(async () =>
        {
            var listed = await system.VirtualHost.Queues();
            var names = listed.Select(q => (string)q!["name"]!).ToHashSet();
            return expected.All(names.Contains) ? listed : null;
        }, "every consumer queue, the _error and the _skipped queue to be declared");

        // The buses' own reply queues are temporary (auto-delete), which a quorum queue cannot be; they hold no events.
        var lasting = queues.Where(q => !(bool)q!["auto_delete"]!).ToList();
        lasting.Count.ShouldBeGreaterThanOrEqualTo(expected.Count);
        lasting.Where(q => QueueType(q!) != "quorum").Select(q => $"{q!["name"]}: {QueueType(q)}").ShouldBeEmpty();
    }

    private static string QueueType(JsonNode queue) =>
        (string?)queue["arguments"]?["x-queue-type"] ?? (string?)queue["type"] ?? "classic";

    public sealed record NobodyConsumesThis(Guid Id);
}

/// <summary>The system with quorum queues on, and one retry before a message is parked.</summary>
public sealed class SystemWithQuorumQueues : CaseFlowSystem
{
    protected override Action<WebApplicationBuilder>? Customize(ServiceIdentity identity) => builder =>
    {
        builder.Configuration[MessagingSetup.QuorumQueuesSetting] = "true";
        builder.Configuration["Messaging:RetryLimit"] = "1";
    };
}
