using System.Diagnostics;

namespace CaseFlow.Cli.Exporting;

/// <summary>
/// A progress bar on stderr, redrawn at most ten times a second, so stdout stays the file. Silent when stderr is not a
/// terminal (a script or a test), where a bar would only be noise in a log.
/// </summary>
public sealed class ProgressBar(string what, long? total, TextWriter? terminal) : IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch sinceDrawn = Stopwatch.StartNew();
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private long done;

    public static ProgressBar OnStderr(string what, long? total) => new(what, total, Console.IsErrorRedirected ? null : Console.Error);

    public void Advance(long by = 1)
    {
        done += by;
        if (sinceDrawn.ElapsedMilliseconds < 100) return;
        sinceDrawn.Restart();
        Draw();
    }

    private void Draw()
    {
        if (terminal is null) return;
        var rate = done / Math.Max(elapsed.Elapsed.TotalSeconds, 0.001);
        if (total is > 0 and var all)
        {
            var filled = (int)Math.Min(Width, done * Width / all);
            terminal.Write($"\r{what} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{all} ({rate:F0}/s) ");
        }
        else terminal.Write($"\r{what} {done} ({rate:F0}/s) ");
    }

    public void Dispose()
    {
        Draw();
        terminal?.WriteLine();
    }
}
