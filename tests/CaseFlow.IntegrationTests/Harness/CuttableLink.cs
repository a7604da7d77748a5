using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>
/// A TCP link from a local port to a server (the shared PostgreSQL) that a test can cut and mend: cut, every open
/// connection is dropped and new ones are closed at once, as a restarting or unreachable server looks to a client.
/// The server itself is never disturbed, so other tests go on using it.
/// </summary>
public sealed class CuttableLink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource closing = new();
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private readonly Task accepting;
    private volatile bool cut;

    public CuttableLink(string host, int port)
    {
        target = new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port);
        listener.Start();
        accepting = Accept();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public void Cut()
    {
        cut = true;
        foreach (var client in open.Keys) Drop(client);
    }

    public void Mend() => cut = false;

    private async Task Accept()
    {
        while (!closing.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(closing.Token); }
            catch (Exception) when (closing.IsCancellationRequested) { return; }
            if (cut) { client.Dispose(); continue; }
            _ = Forward(client);
        }
    }

    private async Task Forward(TcpClient client)
    {
        using var server = new TcpClient();
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(target, closing.Token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), closing.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), closing.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception) { /* a cut link or a closed side: both ends are dropped below */ }
        finally
        {
            Drop(client);
            Drop(server);
        }
    }

    private void Drop(TcpClient client)
    {
        if (!open.TryRemove(client, out _)) return;
        try { client.Client?.Close(0); } catch (ObjectDisposedException) { }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        listener.Stop();
        await accepting;
        foreach (var client in open.Keys) Drop(client);
        closing.Dispose();
    }
}
