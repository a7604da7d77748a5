using CaseFlow.Testing.Processes;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>The three services on a private broker (the shared harness's <see cref="PrivateBroker"/>) that the test may take down.</summary>
public sealed class SystemOnPrivateBroker : CaseFlowSystem
{
    public PrivateBroker Broker { get; } = new(TestEnvironment.RabbitMqScript);

    protected override async Task<(Uri Amqp, Uri Management)> ProvideBroker()
    {
        await Broker.StartFirst();
        return (Broker.Amqp, Broker.Management);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
