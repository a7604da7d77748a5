using CaseFlow.FaultTests.Harness;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>The RabbitMQ node killed with SIGKILL while a burst is being relayed, then started again.</summary>
public sealed class BrokerCrashTests(FaultSystem system) : Scenario(system)
{
    private const int Burst = 500;

    [Fact]
    public async Task Broker_killed_during_a_burst_of_500_OpenCase_loses_nothing_and_applies_nothing_twice()
    {
        var before = await Applied("correspondence");
        var burst = Operator.OpenCases(Burst);

        // Kill while the relay is publishing the burst: some of it delivered, the rest published or waiting for confirms.
        await Eventually.True(async () => await Applied("correspondence") >= before + 20, "the burst's delivery under way");
        await System.Broker.Kill();
        var deliveredAtKill = await Applied("correspondence") - before;
        deliveredAtKill.ShouldBeLessThan(Burst, "the kill landed in the middle of the burst's delivery");

        (await burst).Count.ShouldBe(Burst, "the API takes cases while the broker is down");
        await System.Broker.Start();
        await Conserved();
    }
}
