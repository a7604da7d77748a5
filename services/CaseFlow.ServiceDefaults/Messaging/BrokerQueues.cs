using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CaseFlow.ServiceDefaults.Messaging;

/// <summary>
/// The service's own consumer queues, as MassTransit declared them, and a plain AMQP connection to look into them
/// (depths, the _error queues) with the service's own broker credentials, so no tool needs them.
/// </summary>
public sealed class BrokerQueues(Uri broker, string serviceName) : IAsyncDisposable
{
    public const string ErrorSuffix = "_error";

    private readonly ConcurrentDictionary<string, byte> consumerQueues = new();
    private readonly SemaphoreSlim connecting = new(1, 1);
    private IConnection? connection;

    /// <summary>Called by MassTransit for each receive endpoint it configures.</summary>
    internal void Declared(string queue) => consumerQueues.TryAdd(queue, 0);

    public IReadOnlyList<string> ConsumerQueues => consumerQueues.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Messages waiting and consumers of a queue; null when the queue does not exist (an _error queue before its first fault).</summary>
    public async Task<(long Messages, int Consumers)?> Depth(string queue, CancellationToken ct)
    {
        await using var channel = await Channel(confirms: false, ct);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
            return (declared.MessageCount, (int)declared.ConsumerCount);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>A channel of its own per operation: a passive declare of a missing queue closes the channel it ran on.</summary>
    public async Task<IChannel> Channel(bool confirms, CancellationToken ct)
    {
        var open = await Connection(ct);
        return await open.CreateChannelAsync(confirms
            ? new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)
            : null, ct);
    }

    private async Task<IConnection> Connection(CancellationToken ct)
    {
        if (connection is { IsOpen: true } ready) return ready;
        await connecting.WaitAsync(ct);
        try
        {
            if (connection is { IsOpen: true } raced) return raced;
            if (connection is not null) await connection.DisposeAsync();
            var factory = new ConnectionFactory
            {
                Uri = broker, ClientProvidedName = $"{serviceName} operations", RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            };
            return connection = await factory.CreateConnectionAsync(ct);
        }
        catch (BrokerUnreachableException e)
        {
            throw new BrokerOutOfReach(e);
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
        connecting.Dispose();
    }
}

/// <summary>RabbitMQ does not answer: the operations calls say so rather than fail with the client's exception.</summary>
public sealed class BrokerOutOfReach(Exception cause) : Exception("RabbitMQ cannot be reached: " + cause.Message, cause);
