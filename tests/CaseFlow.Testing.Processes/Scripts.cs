using System.Diagnostics;

namespace CaseFlow.Testing.Processes;

/// <summary>Runs one of the project's infra scripts and fails with its output when it fails.</summary>
internal static class Scripts
{
    public static async Task Run(string script, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(script)} {string.Join(' ', args)} did not finish in {limit.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(script)} {string.Join(' ', args)} failed: {await output}{await errors}");
    }
}
