using CaseFlow.Admin.Api.V1;
using CaseFlow.Cli.Administering;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using AdminClient = CaseFlow.Admin.Api.V1.Admin.AdminClient;

namespace CaseFlow.IntegrationTests.Operations;

/// <summary>
/// <c>caseflow admin status</c> and /metrics: each service's health, the relay's position catching up with what was
/// committed, its consumer queues, and Correspondence's overdue letters, read the same way by a person and an alert.
/// </summary>
public sealed class OperationsStatusTests(SystemWithQuickDeadLetters system) : IClassFixture<SystemWithQuickDeadLetters>
{
    private Metadata Supervisor => RunningService.Bearer(system.Token(Caller.Supervisor, center: null));

    [Fact]
    public async Task The_relay_position_follows_the_committed_events_and_every_figure_is_shown()
    {
        var intake = new AdminClient(system.Intake.Grpc);
        var before = await intake.GetStatusAsync(new GetStatusRequest(), Supervisor);
        await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase(name: "Status Watched"));

        var caughtUp = await Eventually.Get(async () => await intake.GetStatusAsync(new GetStatusRequest(), Supervisor) is
            { Relay: { LagEvents: 0 } relay } status && relay.Position > before.HighWaterMark - 1 && status.HighWaterMark > before.HighWaterMark
            ? status : null, "the relay to publish the new case");
        caughtUp.Service.ShouldBe("intake");
        caughtUp.Health.ShouldBe("healthy");
        caughtUp.BrokerReachable.ShouldBeTrue();
        caughtUp.Relay.Name.ShouldStartWith("outbox-relay");
        caughtUp.Relay.Position.ShouldBe(caughtUp.HighWaterMark);
        caughtUp.Queues.ShouldContain(q => q.Queue.StartsWith("intake-", StringComparison.Ordinal) && q.Consumers > 0);

        // The new case reaches Correspondence, whose daemon then moves its async projection along.
        var correspondence = await Eventually.Get(async () => await new AdminClient(system.Correspondence.Grpc).GetStatusAsync(new GetStatusRequest(), Supervisor) is
            { } status && status.Projections.Any(p => p.Name.StartsWith("agency-response-times", StringComparison.Ordinal)) ? status : null,
            "Correspondence's async projection in its status");
        correspondence.Figures.ShouldContain(f => f.Name == "overdue_letters" && f.Value == 0);

        // Each gauge on its own: one that never reaches its value names itself and what it last showed (-1: no line).
        await Gauge(system.Intake, "caseflow_relay_lag_events", null, v => v == 0);
        await Gauge(system.Intake, "caseflow_consumer_queue_depth", null, v => v >= 0);
        await Gauge(system.Intake, "caseflow_ready", null, v => v == 1);
        await Gauge(system.Correspondence, "caseflow_figure", "overdue_letters", v => v == 0);
        await Gauge(system.Correspondence, "caseflow_projection_lag_events", null, v => v >= 0);
        await Gauge(system.Intake, "caseflow_operations_sample_age_seconds", null, v => v >= 0);

        // Every operations line names its service and instance: two replicas' figures stay two series.
        var lines = (await system.Intake.Json(token: null).Get("/metrics")).Body.Split('\n')
            .Where(l => l.StartsWith("caseflow_", StringComparison.Ordinal)).ToList();
        lines.ShouldAllBe(l => l.Contains("service=\"") && l.Contains("service_instance=\""));
        lines.ShouldContain(l => l.Contains("service=\"intake\"") && l.Contains($"service_instance=\"{caughtUp.Instance}\""));
        caughtUp.Instance.ShouldBe(DeadLetterTests.InstanceOf(system.Intake));

        StatusCommand.Table([("intake", caughtUp, null), ("reunification", null, "does not answer: Connection refused")])
            .ShouldSatisfyAllConditions(t => t.ShouldContain("intake          healthy"), t => t.ShouldContain("reunification   DOWN"));
    }

    private static async Task Gauge(RunningService service, string name, string? label, Func<double, bool> expected)
    {
        var seen = new List<double>();
        try
        {
            await Eventually.True(async () =>
            {
                var value = await DeadLetterTests.Metric(service, name, label);
                if (seen.Count == 0 || seen[^1] != value) seen.Add(value);
                return expected(value);
            }, name);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} on {service.Name}'s /metrics{(label is null ? "" : $" ({label})")}; it showed, in turn: {string.Join(", ", seen.TakeLast(20))}", e);
        }
    }
}
