using System.Net;
using System.Net.Sockets;

namespace JourneyOrg.Tests.Faults;

/// <summary>
/// A loopback TCP forwarder between the app and a server, which a test can cut: every open connection is reset and new
/// ones are refused until <see cref="Restore"/>, as when the server's machine goes away. The cut can be armed to happen
/// after a number of bytes from the client, so it lands in the middle of a write. Only this test's connections go
/// through it; the server itself (shared by other tests, or CI's) is never stopped.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private long _sent;
    private long _cutAt = long.MaxValue;
    private volatile bool _down;

    public CuttableProxy(Uri target)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(target.Host).First(a => a.AddressFamily == AddressFamily.InterNetwork), target.Port);
        _listener.Start();
        Url = new UriBuilder(target) { Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;
        _accepting = AcceptAsync();
    }

    /// <summary>The address to give the app instead of the server's.</summary>
    public Uri Url { get; }

    /// <summary>Bytes the client has sent through so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Whether the connection is cut now.</summary>
    public bool IsCut => _down;

    /// <summary>Cuts once the client has sent <paramref name="bytes"/> more bytes.</summary>
    public void CutAfter(long bytes) => Interlocked.Exchange(ref _cutAt, Sent + bytes);

    public void Cut()
    {
        _down = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                // A reset, not a polite close; a connection that already ended has no socket any more.
                try { if (client.Client is { } socket) socket.LingerState = new LingerOption(true, 0); client.Close(); }
                catch (ObjectDisposedException) { }
            }
            _open.Clear();
        }
    }

    public void Restore()
    {
        Interlocked.Exchange(ref _cutAt, long.MaxValue);
        _down = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            if (_down)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Close();
                continue;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            lock (_open) { _open.Add(client); _open.Add(server); }
            var up = PumpAsync(client.GetStream(), server.GetStream(), counts: true);
            var down = PumpAsync(server.GetStream(), client.GetStream(), counts: false);
            await Task.WhenAny(up, down);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool counts)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                if (counts)
                {
                    var total = Interlocked.Add(ref _sent, read);
                    if (total >= Interlocked.Read(ref _cutAt))
                    {
                        // The request is cut before it reaches the server whole: the server sees a broken connection.
                        var keep = (int)Math.Max(0, read - (total - Interlocked.Read(ref _cutAt)));
                        if (keep > 0) await to.WriteAsync(buffer.AsMemory(0, keep / 2), _stop.Token);
                        Cut();
                        return;
                    }
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
