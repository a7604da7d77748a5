using System.Buffers.Binary;
using System.Diagnostics;
using CaseFlow.Benchmarks.Harness;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CaseFlow.Benchmarks.Baselines;

/// <summary>
/// L2: what the broker itself does: persistent messages to a durable queue, published with confirms and
/// 64 in flight, consumed with manual acks; end-to-end latency from publish to the consumer. As fast as it goes, or
/// at a steady rate (P1's latency baseline: the broker's own delay at the rate P1 opens cases, unsaturated).
/// </summary>
public static class RawRabbitMq
{
    public sealed record Result(double PerSecond, Latencies Latencies);

    public static async Task<Result> PublishAndConsume(Uri amqp, int messages, int inFlight = 64, int? perSecond = null)
    {
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "caseflow-bench-l2" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await using var consumerChannel = await connection.CreateChannelAsync();
        var queue = $"bench-l2-{Guid.NewGuid():N}";
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumerChannel.BasicQosAsync(0, (ushort)inFlight, false);

        var latencies = new Latencies();
        var received = 0;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            latencies.AddSince(BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span));
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == messages) allReceived.TrySetResult();
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var payload = RawPostgres.EventJson(0).PadRight(300);
        var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/json" };
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(inFlight);
        var publishes = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            if (perSecond is { } steady && TimeSpan.FromSeconds((double)i / steady) - clock.Elapsed is var wait && wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            await slots.WaitAsync();
            var body = new byte[8 + payload.Length];
            BinaryPrimitives.WriteInt64LittleEndian(body, Stopwatch.GetTimestamp());
            System.Text.Encoding.UTF8.GetBytes(payload, body.AsSpan(8));
            publishes.Add(Publish(publisher, queue, properties, body, slots));
        }
        await Task.WhenAll(publishes);
        await allReceived.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var rate = messages / clock.Elapsed.TotalSeconds;
        await publisher.QueueDeleteAsync(queue);
        return new Result(rate, latencies);
    }

    private static async Task Publish(IChannel channel, string queue, BasicProperties properties, byte[] body, SemaphoreSlim slots)
    {
        try { await channel.BasicPublishAsync("", queue, mandatory: false, properties, body); }
        finally { slots.Release(); }
    }
}
