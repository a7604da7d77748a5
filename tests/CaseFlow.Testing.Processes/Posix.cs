using System.Runtime.InteropServices;

namespace CaseFlow.Testing.Processes;

/// <summary>Signals by PID: SIGTERM for a graceful stop, SIGKILL for a crash nothing can clean up after.</summary>
public static class Posix
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static void Terminate(int pid) => Send(pid, SigTerm);
    public static void KillHard(int pid) => Send(pid, SigKill);

    private static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed (errno {Marshal.GetLastWin32Error()})");
    }
}
