using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SelfService.Smpp;

/// <summary>One SMPP connection, either side: reads and dispatches PDUs, writes through one serialized writer, tracks
/// requests in a <see cref="SequenceWindow"/>, answers enquire_link and unbind, and keeps the link alive.</summary>
/// <remarks>
/// <para>Reading uses System.IO.Pipelines and decodes frames in place. Writing goes through a single-reader channel: the
/// writer loop encodes every queued PDU straight into the pipe and flushes once per batch, so a _resp and the next request
/// leave in one TCP segment (Nagle is off as well: <see cref="Socket.NoDelay"/>).</para>
/// <para>A PDU counts as written to the socket when it is handed to the pipe; the connection never flushes after it starts
/// closing, so a request reported as not written cannot have reached the peer.</para>
/// </remarks>
internal sealed class SmppConnection : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly Channel<Outbound> _outbound = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PduCodec _codec;
    private readonly SmppConnectionSettings _settings;
    private readonly ISmppConnectionOwner _owner;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ISmppProtocolLogger? _wire;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _enquireTimer;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private int _closed;
    private int _sequence;
    private long _lastReceived;
    private int _enquireOutstanding;

    public SmppConnection(Socket socket, string name, SmppConnectionSettings settings, ISmppConnectionOwner owner, TimeProvider time, ILogger logger, ISmppProtocolLogger? wire)
    {
        _socket = socket;
        _socket.NoDelay = true;
        Name = name;
        RemoteEndPoint = socket.RemoteEndPoint;
        _settings = settings;
        _owner = owner;
        _time = time;
        _logger = logger;
        _wire = wire;
        _codec = new PduCodec(settings.MaxPduLength);
        Window = new SequenceWindow(settings.WindowSize, time);
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true));
        _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 16 * 1024, leaveOpen: true));
    }

    public string Name { get; }

    public EndPoint? RemoteEndPoint { get; }

    public SequenceWindow Window { get; }

    /// <summary>Cancelled when the connection starts closing; handlers get it.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>Completes (never faults) once the connection is closed.</summary>
    public Task Completion => _completion.Task;

    public string? CloseReason { get; private set; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>What the connection is bound as, once the bind succeeded.</summary>
    public SmppBindType? BoundAs { get; set; }

    /// <summary>The owner's object for this connection (the server keeps its session here).</summary>
    public object? Tag { get; set; }

    /// <summary>The peer sent unbind (answered, then the connection closed).</summary>
    public bool UnbindReceived { get; private set; }

    public void Start()
    {
        _lastReceived = _time.GetTimestamp();
        _readLoop = ReadLoopAsync();
        _writeLoop = WriteLoopAsync();
        if (_settings.EnquireLinkInterval > TimeSpan.Zero)
            _enquireTimer = _time.CreateTimer(static s => ((SmppConnection)s!).OnEnquireTimer(), this, _settings.EnquireLinkInterval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends a request and awaits its response (or generic_nack).</summary>
    /// <remarks>The token cancels only the wait for a window slot: once queued the request goes out, and its outcome is
    /// awaited (the response timeout bounds the wait), so that a caller never mistakes "cancelled" for "not sent".</remarks>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec; nothing was sent.</exception>
    /// <exception cref="SmppConnectionException">The connection is or went down.</exception>
    /// <exception cref="SmppResponseTimeoutException">No response in time.</exception>
    public async Task<Pdu> SendRequestAsync(Pdu request, bool useSlot, CancellationToken cancellationToken)
    {
        int length = _codec.GetEncodedLength(request);
        if (useSlot) await Window.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
        var numbered = request with { SequenceNumber = NextSequenceNumber() };
        var pending = Window.Add(numbered, _settings.ResponseTimeout, useSlot);
        if (!_outbound.Writer.TryWrite(new Outbound(numbered, length, pending, default, null)))
            Window.TryFail(numbered.SequenceNumber, new SmppConnectionException($"SMPP connection {Name} closed: {CloseReason}", writtenToSocket: false));
        return await pending.Response.ConfigureAwait(false);
    }

    /// <summary>Queues a PDU that needs no answer (a response). False when the connection is closed.</summary>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec.</exception>
    public bool Send(Pdu pdu) => _outbound.Writer.TryWrite(new Outbound(pdu, _codec.GetEncodedLength(pdu), null, default, null));

    /// <summary>Queues raw octets, for tests of peers that misbehave.</summary>
    public bool SendRaw(ReadOnlyMemory<byte> bytes) => _outbound.Writer.TryWrite(new Outbound(null, bytes.Length, null, bytes, null));

    /// <summary>Queues a PDU, then closes once it is flushed.</summary>
    public void SendAndClose(Pdu pdu, string reason)
    {
        if (!_outbound.Writer.TryWrite(new Outbound(pdu, _codec.GetEncodedLength(pdu), null, default, reason))) Close(reason);
    }

    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        CloseReason = reason;
        Log.Closed(_logger, Name, reason);
        SmppMetrics.ConnectionsClosed.Add(1);
        _enquireTimer?.Dispose();
        Window.Close($"SMPP connection {Name} closed: {reason}");
        _outbound.Writer.TryComplete();
        _closing.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone: nothing to shut down.
        }
        _socket.Dispose();
        _completion.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        Close("disposed");
        await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _closing.Dispose();
    }

    private uint NextSequenceNumber()
    {
        // 0x00000001..0x7FFFFFFF (section 3.2.1.4 / 5.1.4), wrapping.
        while (true)
        {
            uint next = (uint)Interlocked.Increment(ref _sequence) & 0x7FFFFFFF;
            if (next != 0) return next;
        }
    }

    private async Task ReadLoopAsync()
    {
        string reason = "closed by the peer";
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                bool framingLost = false;
                while (!buffer.IsEmpty)
                {
                    var decoded = _codec.Decode(buffer);
                    if (decoded.Status == PduDecodeStatus.NeedMoreData) break;
                    if (decoded.Status == PduDecodeStatus.FramingError)
                    {
                        Log.FramingLost(_logger, Name, decoded.Error!);
                        reason = "framing lost: " + decoded.Error;
                        framingLost = true;
                        break;
                    }
                    buffer = buffer.Slice(decoded.BytesConsumed);
                    Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                    if (decoded.Status == PduDecodeStatus.Decoded) Dispatch(decoded.Pdu!);
                    else HandleInvalid(decoded);
                }
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (framingLost || result.IsCompleted || IsClosed) break;
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            reason = CloseReason ?? "closed";
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = "read failed: " + ex.Message;
        }
        finally
        {
            Close(reason);
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                string? closeAfter = null;
                while (closeAfter is null && reader.TryRead(out var item))
                {
                    if (item.Pdu is { } pdu)
                    {
                        if (pdu is SubmitSm or DataSm && _settings.MayTransmit?.Invoke() == false)
                        {
                            Close("this ESME may not send any more (its lease on the bind is gone)");
                            return;
                        }
                        PduCodec.WriteUnchecked(pdu, item.Length, _writer.GetSpan(item.Length));
                        _writer.Advance(item.Length);
                        item.Pending?.MarkWritten();
                        SmppMetrics.PdusSent.Add(1, SmppMetrics.Command(pdu.CommandId));
                        _wire?.LogPdu(Name, SmppPduDirection.Sent, pdu is BindRequest bind ? bind.Redacted() : pdu);
                    }
                    else
                    {
                        _writer.Write(item.Raw.Span);
                    }
                    closeAfter = item.CloseReason;
                    if (_writer.UnflushedBytes >= FlushThreshold && !await FlushAsync().ConfigureAwait(false)) return;
                }
                if (!await FlushAsync().ConfigureAwait(false)) return;
                if (closeAfter is not null)
                {
                    Close(closeAfter);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            Close("write failed: " + ex.Message);
        }
        finally
        {
            try
            {
                await _writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // The socket is gone; what was not flushed is lost, and its requests were failed as not written.
            }
        }
    }

    private async ValueTask<bool> FlushAsync()
    {
        // Checked after every MarkWritten of the batch: once closing has begun nothing more may reach the wire.
        if (IsClosed) return false;
        var flush = await _writer.FlushAsync(_closing.Token).ConfigureAwait(false);
        return !flush.IsCompleted && !flush.IsCanceled;
    }

    private void Dispatch(Pdu pdu)
    {
        _wire?.LogPdu(Name, SmppPduDirection.Received, pdu is BindRequest bind ? bind.Redacted() : pdu);
        SmppMetrics.PdusReceived.Add(1, SmppMetrics.Command(pdu.CommandId));
        if (pdu.IsResponse)
        {
            // Mark the bind here, on the read loop, before anything read after it is dispatched: SMSCs deliver queued
            // messages right behind the bind_resp, often in the same segment.
            if (pdu is BindResponse { CommandStatus: CommandStatus.Ok } && Window.Find(pdu.SequenceNumber)?.Request is BindRequest bindRequest)
                BoundAs = bindRequest switch { BindTransmitter => SmppBindType.Transmitter, BindReceiver => SmppBindType.Receiver, _ => SmppBindType.Transceiver };
            if (!Window.TryComplete(pdu)) Log.UnmatchedResponse(_logger, Name, pdu.CommandId, pdu.SequenceNumber);
            return;
        }
        switch (pdu)
        {
            case EnquireLink:
                Send(new EnquireLinkResp { SequenceNumber = pdu.SequenceNumber });
                break;
            case Unbind:
                // Section 4.2: answer, then the connection goes.
                UnbindReceived = true;
                Log.UnbindReceived(_logger, Name);
                SendAndClose(new UnbindResp { SequenceNumber = pdu.SequenceNumber }, "unbind from the peer");
                break;
        }
        try
        {
            _owner.OnRequest(this, pdu);
        }
        catch (Exception ex)
        {
            Log.Unexpected(_logger, ex, Name, "dispatching " + pdu.CommandId);
        }
    }

    private void HandleInvalid(in PduDecodeResult result)
    {
        var header = result.Header;
        _wire?.LogInvalidPdu(Name, header, result.Error!);
        SmppMetrics.InvalidPdus.Add(1);
        if (header.CommandId.IsResponse() && result.ErrorStatus != CommandStatus.InvalidCommandId)
        {
            // A response we cannot read: the request reached the peer and its outcome is unknown. Responses are not answered.
            Log.InvalidPdu(_logger, Name, header.CommandId, header.SequenceNumber, result.ErrorStatus, result.Error!);
            Window.TryFail(header.SequenceNumber, new SmppProtocolException($"Malformed {header.CommandId} #{header.SequenceNumber}: {result.Error}"));
            return;
        }
        var answer = result.CreateErrorResponse();
        Log.InvalidPdu(_logger, Name, header.CommandId, header.SequenceNumber, answer.CommandStatus, result.Error!);
        Send(answer);
    }

    private void OnEnquireTimer()
    {
        if (IsClosed) return;
        var interval = _settings.EnquireLinkInterval;
        var idle = _time.GetElapsedTime(Volatile.Read(ref _lastReceived));
        var next = interval;
        if (idle >= interval)
        {
            if (Interlocked.Exchange(ref _enquireOutstanding, 1) == 0) _ = EnquireLinkAsync();
        }
        else
        {
            next = interval - idle;
        }
        try
        {
            _enquireTimer?.Change(next, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile.
        }
    }

    private async Task EnquireLinkAsync()
    {
        try
        {
            await SendRequestAsync(new EnquireLink(), useSlot: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmppResponseTimeoutException)
        {
            Log.EnquireLinkUnanswered(_logger, Name);
            Close("enquire_link unanswered");
        }
        catch (SmppException)
        {
            // The connection closed meanwhile, or the peer answered with a nack: either way the link answered or is gone.
        }
        finally
        {
            Volatile.Write(ref _enquireOutstanding, 0);
        }
    }

    private readonly record struct Outbound(Pdu? Pdu, int Length, PendingRequest? Pending, ReadOnlyMemory<byte> Raw, string? CloseReason);
}
