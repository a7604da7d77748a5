using MassTransit;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>A bare MassTransit bus on a test's virtual host, to play another service or a misbehaving broker.</summary>
public static class TestBus
{
    /// <param name="configure">Adds receive endpoints, e.g. a queue that collects what a service published.</param>
    public static async Task<AsyncBus> Start(Uri broker, Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var parts = broker.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username(Uri.UnescapeDataString(parts[0]));
                host.Password(Uri.UnescapeDataString(parts[1]));
            });
            configure?.Invoke(rabbit);
        });
        await bus.StartAsync();
        return new AsyncBus(bus);
    }

    public sealed class AsyncBus(IBusControl bus) : IAsyncDisposable
    {
        public Task Publish<T>(T message, Action<PublishContext<T>> configure) where T : class =>
            bus.Publish(message, configure);

        /// <summary>
        /// Straight to one service queue, past the exchanges that route by message type: through the exchange of the
        /// queue's name, as a <c>queue:</c> address would declare the queue itself, with this bus's arguments.
        /// </summary>
        public async Task Send<T>(string queue, T message) where T : class =>
            await (await bus.GetSendEndpoint(new Uri($"exchange:{queue}"))).Send(message);

        public async ValueTask DisposeAsync() => await bus.StopAsync();
    }
}
