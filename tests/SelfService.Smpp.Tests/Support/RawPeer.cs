using System.Net;
using System.Net.Sockets;

namespace SelfService.Smpp.Tests.Support;

/// <summary>A bare TCP peer that speaks PDUs by hand, for behaviour the real peers are too well-mannered to show.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _filled;

    private RawPeer(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
    }

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new RawPeer(socket);
    }

    /// <summary>Listens on a free loopback port; <see cref="AcceptAsync"/> takes the next connection.</summary>
    public static Socket Listen()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(8);
        return listener;
    }

    public static async Task<RawPeer> AcceptAsync(Socket listener)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return new RawPeer(await listener.AcceptAsync(timeout.Token));
    }

    public Task SendAsync(Pdu pdu) => SendRawAsync(PduCodec.Default.Encode(pdu));

    public async Task SendRawAsync(byte[] bytes) => await _socket.SendAsync(bytes);

    /// <summary>The next PDU, or null when the peer closed the connection.</summary>
    public async Task<Pdu?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var result = PduCodec.Default.Decode(_buffer.AsSpan(0, _filled));
            if (result.Status == PduDecodeStatus.Decoded)
            {
                Consume(result.BytesConsumed);
                return result.Pdu;
            }
            if (result.Status != PduDecodeStatus.NeedMoreData) throw new InvalidOperationException("The peer sent garbage: " + result.Error);
            int read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), cts.Token);
            if (read == 0) return null;
            _filled += read;
        }
    }

    /// <summary>Reads until a PDU of type T comes (skipping others), or fails.</summary>
    public async Task<T> ReadAsync<T>() where T : Pdu
    {
        while (true)
        {
            var pdu = await ReadAsync() ?? throw new InvalidOperationException($"Closed before a {typeof(T).Name} came");
            if (pdu is T wanted) return wanted;
        }
    }

    /// <summary>True once the peer has closed the connection (reads until then, discarding PDUs).</summary>
    public async Task<bool> ClosedAsync(TimeSpan timeout)
    {
        try
        {
            while (await ReadAsync(timeout) is not null) { }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
