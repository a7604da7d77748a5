using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CaseFlow.ServiceDefaults.Faults;

/// <summary>
/// Moments a fault test needs to hit exactly (tests/CaseFlow.FaultTests): the relay paused in the middle of a page, a
/// consumer paused after its work but before its inbox commit. Switched on only by configuration
/// (<c>Faults:RelayPauseAfterPublishes</c>, <c>Faults:ConsumerPauseAfterHandling</c>, <c>Faults:MarkerDirectory</c>); off,
/// each point costs one null check. A hook counts once the test arms it (a file <c>&lt;marker&gt;.arm</c>); on reaching its
/// count it writes the marker file the test waits for, then blocks until the process is killed. A marker already there
/// means the pause happened: a restarted process runs on.
/// <para>
/// Test-only switches that turn one delivery mechanism off, so a fault test can show its scenario fails without it
/// (never set outside tests/CaseFlow.FaultTests): <c>Faults:BypassInbox</c> (consumers neither look up nor refuse a message
/// id already processed), <c>Faults:RelayProgressFirst</c> (the relay hands a page to a background publisher and returns,
/// so its progress is stored before the broker accepted the page), <c>Faults:WritersRace</c> (writers of one
/// stream neither take turns under its row lock nor are decided again on the fresh stream after a conflict). Unset, each is a field read.
/// </para>
/// </summary>
public sealed class FaultHooks
{
    public const string RelayPaused = "relay-paused";
    public const string ConsumerPaused = "consumer-paused";

    private readonly Pause? relay;
    private readonly Pause? consumer;

    private FaultHooks(Pause? relay, Pause? consumer, bool bypassInbox = false, bool relayProgressFirst = false, bool writersRace = false)
    {
        this.relay = relay;
        this.consumer = consumer;
        BypassInbox = bypassInbox;
        RelayProgressFirst = relayProgressFirst;
        WritersRace = writersRace;
    }

    public static readonly FaultHooks Off = new(null, null);

    /// <summary>Test only: the inbox is off (a redelivered message is handled again).</summary>
    public bool BypassInbox { get; }

    /// <summary>Test only: the relay's progress is stored before its page is published (at most once).</summary>
    public bool RelayProgressFirst { get; }

    /// <summary>Test only: a one-stream command reads without the row lock, and a conflict is not retried on the fresh stream.</summary>
    public bool WritersRace { get; }

    /// <summary>How many times a write that met a conflict is decided (<see cref="EventStore.ConflictRetry"/>).</summary>
    public int ConflictAttempts => WritersRace ? 1 : EventStore.ConflictRetry.Attempts;

    public static FaultHooks FromConfiguration(IConfiguration config, ILogger logger)
    {
        var bypassInbox = config.GetValue("Faults:BypassInbox", false);
        var relayProgressFirst = config.GetValue("Faults:RelayProgressFirst", false);
        var writersRace = config.GetValue("Faults:WritersRace", false);
        if (bypassInbox || relayProgressFirst || writersRace)
            logger.LogWarning("Test-only fault switches on: BypassInbox={Inbox} RelayProgressFirst={Relay} WritersRace={Race}",
                bypassInbox, relayProgressFirst, writersRace);
        var directory = config["Faults:MarkerDirectory"];
        if (string.IsNullOrEmpty(directory) && !(bypassInbox || relayProgressFirst || writersRace)) return Off;
        var relayAfter = string.IsNullOrEmpty(directory) ? null : config.GetValue<int?>("Faults:RelayPauseAfterPublishes");
        var consumerAfter = string.IsNullOrEmpty(directory) ? null : config.GetValue<int?>("Faults:ConsumerPauseAfterHandling");
        return new FaultHooks(
            relayAfter is { } r ? new Pause(Path.Combine(directory!, RelayPaused), r, logger) : null,
            consumerAfter is { } c ? new Pause(Path.Combine(directory!, ConsumerPaused), c, logger) : null,
            bypassInbox, relayProgressFirst, writersRace);
    }

    /// <summary>After the relay's broker accepted one message of a page whose last event is <paramref name="pageEnd"/>.</summary>
    public Task AfterRelayPublish(long pageEnd, Guid eventId, CancellationToken stopping) =>
        relay is null ? Task.CompletedTask : relay.Count($"page-end={pageEnd} event={eventId}", stopping);

    /// <summary>After a consumer's work on a message, before its events and inbox record commit.</summary>
    public Task AfterConsumerWork(string processedId, CancellationToken stopping) =>
        consumer is null ? Task.CompletedTask : consumer.Count($"processed-id={processedId}", stopping);

    private sealed class Pause(string marker, int after, ILogger logger)
    {
        private readonly string arm = marker + ".arm";
        private bool spent = File.Exists(marker);
        private bool armed;
        private int count;

        public async Task Count(string where, CancellationToken stopping)
        {
            // Counting starts when the test arms the hook, so a process started with it can first serve other scenarios.
            if (spent || !(armed = armed || File.Exists(arm))) return;
            var n = Interlocked.Increment(ref count);
            if (n < after) return;
            if (n == after)
            {
                // Written to a temporary name first: the test never reads half a marker.
                File.WriteAllText(marker + ".tmp", $"after={after} {where}\n");
                File.Move(marker + ".tmp", marker);
                logger.LogWarning("Fault hook {Marker}: paused after {Count} ({Where})", Path.GetFileName(marker), n, where);
            }
            await Task.Delay(Timeout.Infinite, stopping);
        }
    }
}
