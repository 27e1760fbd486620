using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using SelfService.Channels.DirectLine.Protocol;

namespace SelfService.Channels.DirectLine.Streaming;

/// <summary>
/// One WebSocket of a conversation. Activity sets wait in a bounded queue, so a client that never reads cannot hold
/// anything but its own socket: when the queue is full the socket is dropped, and the client resumes by watermark.
/// What the client sends (Direct Line clients send empty keep-alives) is read and discarded.
/// </summary>
public sealed class ConversationStream
{
    private const int ReceiveBufferBytes = 4096;
    private readonly WebSocket _socket;
    private readonly Channel<ActivitySet> _queue;
    private readonly TimeSpan _sendTimeout;
    private readonly TimeProvider _time;
    private (WebSocketCloseStatus Status, string Reason)? _close;

    public ConversationStream(WebSocket socket, int capacity, TimeSpan sendTimeout, TimeProvider time)
    {
        _socket = socket;
        _sendTimeout = sendTimeout;
        _time = time;
        _queue = Channel.CreateBounded<ActivitySet>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Why the stream ended, for the log.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Queues a set for sending; false (and the socket dropped) when the client has let the queue fill up.</summary>
    public bool TryEnqueue(ActivitySet set)
    {
        if (_queue.Writer.TryWrite(set)) return true;
        if (_close is null) Drop("send queue full");
        return false;
    }

    /// <summary>Sends what is queued, then closes with this status and reason (another socket took the conversation).</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        _close ??= (status, reason);
        _queue.Writer.TryComplete();
    }

    /// <summary>Runs until the client closes, the connection breaks, the stream is closed or dropped, or the host stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var reading = ReadUntilClosedAsync(stopping);
        var writing = WriteAsync(stopping);
        await Task.WhenAny(reading, writing);
        _queue.Writer.TryComplete();
        if (!reading.IsCompleted)
        {
            // We sent a close frame: give the client a moment to answer it, then let go.
            using var wait = new CancellationTokenSource(_sendTimeout, _time);
            await Task.WhenAny(reading, Task.Delay(Timeout.Infinite, wait.Token));
        }
        _socket.Abort();
        await Task.WhenAll(reading, writing);
    }

    private async Task WriteAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var set in _queue.Reader.ReadAllAsync(stopping))
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJson.Wire.ActivitySet);
                using var timeout = new CancellationTokenSource(_sendTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, linked.Token);
            }
            if (_close is { } close && _socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(_sendTimeout, _time);
                await _socket.CloseOutputAsync(close.Status, close.Reason, timeout.Token);
                EndReason ??= close.Reason;
            }
        }
        catch (OperationCanceledException)
        {
            EndReason ??= stopping.IsCancellationRequested ? "host stopping" : "send timed out";
        }
        catch (WebSocketException)
        {
            EndReason ??= "connection lost while sending";
        }
        catch (ObjectDisposedException)
        {
            EndReason ??= "connection lost while sending";
        }
    }

    private async Task ReadUntilClosedAsync(CancellationToken stopping)
    {
        var buffer = new byte[ReceiveBufferBytes];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, stopping);
                if (received.MessageType != WebSocketMessageType.Close) continue;
                EndReason ??= "client closed";
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    using var timeout = new CancellationTokenSource(_sendTimeout, _time);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                }
                return;
            }
        }
        catch (OperationCanceledException)
        {
            EndReason ??= "host stopping";
        }
        catch (WebSocketException)
        {
            EndReason ??= "connection lost";
        }
        catch (ObjectDisposedException)
        {
            EndReason ??= "connection lost";
        }
    }

    private void Drop(string reason)
    {
        EndReason ??= reason;
        _queue.Writer.TryComplete();
        _socket.Abort();
    }
}
