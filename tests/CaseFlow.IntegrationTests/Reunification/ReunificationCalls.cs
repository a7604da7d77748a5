using System.Collections.Concurrent;
using CaseFlow.Contracts.Intake.V2;
using CaseFlow.IntegrationTests.Harness;
using MassTransit;

// Not "…Reunification": that namespace would hide CaseFlow.Reunification from the other test folders.
namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>Reunification's paths, and the incoming messages the other services would send.</summary>
public static class ReunificationCalls
{
    public static readonly DateTimeOffset StoryStart = DateTimeOffset.Parse("2020-03-16T08:00:00Z");

    public static string File(Guid caseId, string what = "") => $"/v1/cases/{caseId}/reunification{what}";

    /// <summary>A separation as Intake publishes it: ids and non-personal facts only (names are Intake's, asked for when shown).</summary>
    public static FamilySeparationReported Separation(Guid caseId, bool isMinor = false, string center = "kara-suu", string memberId = "son-1") =>
        new(caseId, center, memberId, memberId.Split('-')[0], isMinor, isMinor ? "child" : "adult", "Russia", DateOnly.Parse("2020-03-16"),
            StoryStart.AddDays(17));

    /// <summary>
    /// Reports separations and waits until every file has the separated member's track. A message published before the service's queues
    /// are bound to their exchanges is lost, so what is not yet handled is published again under the same message
    /// id: the inbox makes the repeats harmless.
    /// </summary>
    public static async Task OpenFiles(this CaseFlowSystem system, JsonApi client, IEnumerable<FamilySeparationReported> separations)
    {
        var pending = separations.ToDictionary(s => s, _ => Guid.NewGuid());
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            await using (var bus = await TestBus.Start(system.BrokerUri))
                foreach (var (separation, messageId) in pending) await bus.Publish(separation, c => c.MessageId = messageId);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(attempt < 6 ? 10 : 60);
            while (pending.Count > 0 && DateTime.UtcNow < deadline)
            {
                foreach (var separation in pending.Keys.ToList())
                    if ((await client.Find(File(separation.CaseId)))?["tracks"]?.AsArray().Any(t => t!["memberId"]?.ToString() == separation.MemberId) == true)
                        pending.Remove(separation);
                if (pending.Count > 0) await Task.Delay(50);
            }
            if (attempt >= 6 && pending.Count > 0) throw new TimeoutException($"{pending.Count} files did not open");
        }
    }
}

/// <summary>Listens on the class's virtual host to what Reunification publishes, as Intake would.</summary>
public sealed class PublishedMessages : IAsyncDisposable
{
    private readonly IBusControl bus;
    public ConcurrentBag<object> Received { get; } = [];

    private PublishedMessages(IBusControl bus) => this.bus = bus;

    public static async Task<PublishedMessages> Listen(Uri broker)
    {
        PublishedMessages? recorder = null;
        var parts = broker.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username(Uri.UnescapeDataString(parts[0]));
                host.Password(Uri.UnescapeDataString(parts[1]));
            });
            rabbit.ReceiveEndpoint($"reunification-test-listener-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<CaseFlow.Contracts.Reunification.V1.TravelDisrupted>(c => Record(c.Message));
                endpoint.Handler<CaseFlow.Contracts.Reunification.V1.TravelArranged>(c => Record(c.Message));
                endpoint.Handler<CaseFlow.Contracts.Reunification.V1.ReunificationCompleted>(c => Record(c.Message));
                endpoint.Handler<CaseFlow.Contracts.Reunification.V1.ReunificationPlanChanged>(c => Record(c.Message));
                endpoint.Handler<CaseFlow.Contracts.Reunification.V1.ReunificationOpened>(c => Record(c.Message));
            });
        });
        recorder = new PublishedMessages(bus);
        await bus.StartAsync();
        return recorder;

        Task Record(object message)
        {
            recorder!.Received.Add(message);
            return Task.CompletedTask;
        }
    }

    public IReadOnlyList<T> Of<T>() => Received.OfType<T>().ToList();

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
