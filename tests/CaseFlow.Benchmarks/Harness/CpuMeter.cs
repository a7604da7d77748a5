using System.Diagnostics;
using System.Globalization;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>
/// Where the CPU went during a phase, from /proc: the whole machine, each service, PostgreSQL and RabbitMQ
/// (all their processes, so other users of the same servers count too, except the backends serving the harness's own
/// connections, counted apart) and the bench client itself.
/// On a 2-core machine this is what says whether a figure is bound by CPU or by waiting; "other" is the rest
/// of the machine (builds and tests of other users), the noise every figure of the run shares.
/// </summary>
public sealed class CpuMeter(Func<IReadOnlyDictionary<string, int>> services, Func<IReadOnlySet<int>> harnessBackends)
{
    /// <summary>PostgreSQL backends serving the harness itself (polling for arrivals, baselines): not the pipeline's CPU.</summary>
    public const string HarnessPostgres = "postgres.harness";

    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public sealed record Phase(string Name, double Seconds, double MachineBusyPercent, IReadOnlyDictionary<string, double> CoresByProcess);

    private readonly List<Phase> phases = [];
    public IReadOnlyList<Phase> Phases => phases;

    public sealed class Running(CpuMeter meter, string name) : IDisposable
    {
        private readonly Snapshot start = meter.Take();
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public void Dispose()
        {
            var end = meter.Take();
            var seconds = clock.Elapsed.TotalSeconds;
            var busy = end.MachineTotal - start.MachineTotal == 0 ? 0
                : 100.0 * (end.MachineBusy - start.MachineBusy) / (end.MachineTotal - start.MachineTotal);
            // Per process: one that started during the phase counts from zero, one that ended is lost (short-lived backends).
            var cores = end.ByProcess.GroupBy(p => p.Value.Group).ToDictionary(g => g.Key,
                g => Math.Round(g.Sum(p => p.Value.Ticks - (start.ByProcess.TryGetValue(p.Key, out var s) && s.Group == p.Value.Group ? s.Ticks : 0))
                    / TicksPerSecond / seconds, 2));
            var ours = cores.Values.Sum();
            cores["other"] = Math.Round(Math.Max(0, busy / 100 * Environment.ProcessorCount - ours), 2);
            meter.phases.Add(new Phase(name, Math.Round(seconds, 1), Math.Round(busy, 1), cores));
        }
    }

    public Running Measure(string phase) => new(this, phase);

    private sealed record Snapshot(long MachineBusy, long MachineTotal, Dictionary<int, (string Group, long Ticks)> ByProcess);

    private Snapshot Take()
    {
        long busy = 0, total = 0;
        if (File.Exists("/proc/stat"))
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            total = cpu.Take(8).Sum();
            busy = total - cpu[3] - cpu[4]; // minus idle and iowait
        }
        var processes = new Dictionary<int, (string Group, long Ticks)>();
        var byPid = services().ToDictionary(s => s.Value, s => s.Key);
        var harness = harnessBackends();
        byPid[Environment.ProcessId] = "bench";
        if (Directory.Exists("/proc"))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var open = stat.IndexOf('(');
                    var close = stat.LastIndexOf(')');
                    var comm = stat[(open + 1)..close];
                    var group = byPid.GetValueOrDefault(pid) ?? comm switch
                    {
                        "postgres" => harness.Contains(pid) ? HarnessPostgres : "postgres",
                        "beam.smp" or "erl_child_setup" or "epmd" => "rabbitmq",
                        _ => null,
                    };
                    if (group is null) continue;
                    var fields = stat[(close + 2)..].Split(' ');
                    // after the command: state is field 3, utime 14, stime 15 (1-based in proc(5)) → index 11, 12 here
                    var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                    processes[pid] = (group, ticks);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
                {
                    // the process ended while we looked
                }
            }
        }
        return new Snapshot(busy, total, processes);
    }

    public string Table(IEnumerable<string> columns)
    {
        var cols = columns.ToArray();
        var text = new System.Text.StringBuilder();
        text.AppendLine($"| {"phase",-10} | {"s",5} | {"machine busy",12} | {string.Join(" | ", cols.Select(c => $"{c,14}"))} |");
        text.AppendLine($"|{new string('-', 12)}|{new string('-', 7)}|{new string('-', 14)}|{string.Join("|", cols.Select(_ => new string('-', 16)))}|");
        foreach (var p in phases)
            text.AppendLine($"| {p.Name,-10} | {p.Seconds,5:0.0} | {p.MachineBusyPercent,11:0}% | {string.Join(" | ", cols.Select(c => $"{p.CoresByProcess.GetValueOrDefault(c),14:0.00}"))} |");
        return text.ToString();
    }
}
