using System.Net;
using System.Net.Sockets;

namespace CaseFlow.Testing.Processes;

/// <summary>
/// Ports below Linux's range for outgoing connections (32768+), so no client takes one between a stop and a restart.
/// Each caller picks from its own range so that runs side by side do not collide.
/// </summary>
public static class FreePorts
{
    // Ports handed out by this process: a port picked for a process not yet started still looks free, so without this
    // two services of one suite could be given the same port and the second would fail to bind (seen in CI).
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A block of <paramref name="size"/> consecutive free ports starting at a multiple of the size inside [from, to),
    /// none of them handed out before by this process.
    /// </summary>
    public static int Block(int from, int to, int size)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = from + Random.Shared.Next(0, (to - from) / size) * size;
            var block = Enumerable.Range(port, size).ToArray();
            lock (HandedOut)
            {
                if (block.Any(HandedOut.Contains) || !block.All(IsFree)) continue;
                HandedOut.UnionWith(block);
                return port;
            }
        }
        throw new InvalidOperationException($"no {size} free ports in {from}-{to}");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException) { return false; }
    }
}
