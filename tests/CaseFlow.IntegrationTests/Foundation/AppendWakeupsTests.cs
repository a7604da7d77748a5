using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.EventStore;
using Npgsql;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// Each service's commits wake its own daemon on its own channel (AppendWakeups); Marten's one channel per database,
/// which woke all three services' daemons on every append of any of them, stays silent.
/// </summary>
public sealed class AppendWakeupsTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private const string SharedChannel = "mt_events_appended";

    [Fact]
    public async Task An_opened_case_wakes_each_service_on_its_own_channel_and_nobody_on_the_shared_one()
    {
        var own = new[] { system.Intake, system.Correspondence, system.Reunification }
            .ToDictionary(service => AppendWakeups.Channel(system.Schema(service)), service => service.Name);
        await using var listener = new NpgsqlConnection(TestEnvironment.Postgres);
        await listener.OpenAsync();
        var heard = new HashSet<string>();
        listener.Notification += (_, e) => heard.Add(e.Channel);
        foreach (var channel in own.Keys.Append(SharedChannel))
        {
            await using var listen = new NpgsqlCommand($"listen \"{channel}\"", listener);
            await listen.ExecuteNonQueryAsync();
        }

        await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase());

        // Liveness only: the opened case reaches both other services, each appending its own stream.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!own.Keys.All(heard.Contains) && DateTimeOffset.UtcNow < deadline)
            await listener.WaitAsync(TimeSpan.FromSeconds(1));
        await listener.WaitAsync(TimeSpan.FromSeconds(1)); // anything on the shared channel would have arrived by now

        own.Where(c => !heard.Contains(c.Key)).Select(c => c.Value).ShouldBeEmpty("every service wakes on its own channel");
        heard.ShouldNotContain(SharedChannel);
    }
}
