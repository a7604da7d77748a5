namespace CaseFlow.IntegrationTests.Harness;

/// <summary>
/// Waits for asynchronous delivery. The limit only stops a broken run from hanging: it is generous on
/// purpose and never a measure of speed (the benchmark measures that).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? limit = null) where T : class
    {
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static async Task True(Func<Task<bool>> probe, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up waiting for {what}");
            await Task.Delay(50);
        }
    }
}
