using System.Diagnostics;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>Durations of operations in milliseconds; thread-safe enough for workers that each add to their own.</summary>
public sealed class Latencies
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;

    public void Add(double milliseconds)
    {
        lock (samples) samples.Add(milliseconds);
    }

    public void AddSince(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public double Percentile(double p)
    {
        lock (samples)
        {
            if (samples.Count == 0) return double.NaN;
            var sorted = samples.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
    public double Max => Percentile(100);

    /// <summary>Runs <paramref name="work"/> <paramref name="calls"/> times one after the other, timing each.</summary>
    public static async Task<Latencies> Sequential(int calls, Func<int, Task> work)
    {
        var latencies = new Latencies();
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await work(i);
            latencies.AddSince(start);
        }
        return latencies;
    }
}

/// <summary>Operations per second and their latencies from N workers looping until a deadline.</summary>
public sealed record Throughput(int Operations, TimeSpan Elapsed, Latencies Latencies)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public static async Task<Throughput> Measure(int workers, TimeSpan duration, Func<int, Task> operation)
    {
        var latencies = new Latencies();
        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(worker);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            Interlocked.Add(ref count, mine.Count);
            foreach (var m in mine) latencies.Add(m);
        })));
        return new Throughput(count, clock.Elapsed, latencies);
    }
}
