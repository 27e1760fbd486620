using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SelfService.Sip;

/// <summary>
/// The media of one call: a UDP socket (symmetric RTP: we send from the port we announced), a sender that sends one
/// 20 ms G.711 frame (160 samples at 8 kHz) at each tick of the shared <see cref="RtpPacer"/>, silence between playbacks,
/// and a receiver that turns RFC 4733 events into digits. Packets from another address than the negotiated one, of
/// another payload type, or beyond a flood limit are dropped.
/// </summary>
public sealed class RtpSession : IAsyncDisposable
{
    public const int SamplesPerFrame = 160;
    public const int ClockRate = 8000;

    /// <summary>More packets than this in one second from the peer are dropped (audio is 50 a second, events at most as many).</summary>
    public const int MaxPacketsPerSecond = 250;

    private readonly Socket socket;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly TelephoneEventDetector detector = new();
    private readonly Lock gate = new();
    private readonly Queue<Playback> queue = new();
    private Playback? current;
    private NegotiatedMedia? media;
    private readonly byte[] sendPacket = new byte[RtpHeader.Size + SamplesPerFrame];
    private readonly short[] sendFrame = new short[SamplesPerFrame];
    private Task receiving = Task.CompletedTask;
    private ushort sequence;
    private uint timestamp;
    private long windowStart;
    private int windowCount;
    private long packetsReceived;
    private long packetsIgnored;
    private int disposed;

    private RtpSession(Socket socket, ILogger logger)
    {
        this.socket = socket;
        this.logger = logger;
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        sequence = (ushort)Random.Shared.Next(ushort.MaxValue);   // random starts (RFC 3550 5.1)
        timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
    }

    /// <summary>Binds a socket on <paramref name="localAddress"/>: an even port of [min, max] (RFC 3550 11), or any port when min is 0.</summary>
    public static RtpSession Open(IPAddress localAddress, int portMin = 0, int portMax = 0, ILogger? logger = null)
    {
        if (portMin == 0) return new RtpSession(Bind(localAddress, 0)!, logger ?? NullLogger.Instance);
        var evenMin = portMin + (portMin % 2);
        var evenPorts = Math.Max(1, ((portMax - evenMin) / 2) + 1);
        var first = evenMin + (Random.Shared.Next(evenPorts) * 2);   // a random start spreads calls over the range
        for (var port = first; ;)
        {
            var bound = Bind(localAddress, port);
            if (bound is not null) return new RtpSession(bound, logger ?? NullLogger.Instance);
            port += 2;
            if (port > portMax) port = evenMin;
            if (port == first) throw new SipException($"no free RTP port in {portMin}-{portMax}");
        }
    }

    private static Socket? Bind(IPAddress address, int port)
    {
        var candidate = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            candidate.Bind(new IPEndPoint(address, port));
            return candidate;
        }
        catch (SocketException ex) when (port != 0 && ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            candidate.Dispose();
            return null;
        }
    }

    public int LocalPort => ((IPEndPoint)socket.LocalEndPoint!).Port;
    public uint Ssrc { get; }
    public NegotiatedMedia? Media => media;
    public RtpSendStatistics SendStatistics { get; } = new();
    public long PacketsReceived => Interlocked.Read(ref packetsReceived);

    /// <summary>Packets dropped: from a wrong address, over the flood limit, not RTP, or of an unknown payload type.</summary>
    public long PacketsIgnored => Interlocked.Read(ref packetsIgnored);

    /// <summary>Raised on the receive loop for each key press; keep handlers short.</summary>
    public event EventHandler<DtmfDigitEventArgs>? DigitReceived;

    /// <summary>Starts sending and receiving with what the offer/answer settled.</summary>
    public void Start(NegotiatedMedia negotiated)
    {
        media = negotiated;
        RtpPacer.Shared.Add(this);
        receiving = Task.Run(() => ReceiveLoopAsync(stopping.Token));
    }

    /// <summary>A re-INVITE moved or paused the peer's media.</summary>
    public void Update(NegotiatedMedia negotiated) => media = negotiated;

    /// <summary>
    /// Queues 8 kHz 16-bit PCM and completes when it has all been sent, or was stopped. With
    /// <paramref name="stopOnDigit"/> a key press stops it (barge-in). Cancelling the token stops it as well.
    /// </summary>
    public Task<PlaybackResult> PlayAsync(ReadOnlyMemory<short> samples, bool stopOnDigit = false, CancellationToken cancellationToken = default)
    {
        var playback = new Playback(samples, stopOnDigit);
        lock (gate)
        {
            if (disposed != 0) return Task.FromResult(PlaybackResult.CallEnded);
            queue.Enqueue(playback);
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => playback.Finish(PlaybackResult.Interrupted));
            playback.Completion.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }
        return playback.Completion.Task;
    }

    /// <summary>Stops what is playing and drops what is queued (both complete as <see cref="PlaybackResult.Interrupted"/>).</summary>
    public void StopPlayback() => StopPlayback(onlyBargeIn: false);

    /// <summary>Sends an RFC 4733 digit (for outbound calls): the event packets of 100 ms then the end packet three times.</summary>
    public async Task SendDigitAsync(char digit, CancellationToken cancellationToken = default)
    {
        var code = TelephoneEvent.EventOf(digit) ?? throw new ArgumentException("not a DTMF digit", nameof(digit));
        var negotiated = media ?? throw new InvalidOperationException("the media has not started");
        if (negotiated.TelephoneEventPayloadType is not { } pt) throw new InvalidOperationException("the peer takes no telephone-event");
        var eventTimestamp = Volatile.Read(ref timestamp);
        var buffer = new byte[RtpHeader.Size + TelephoneEvent.Size];
        for (var i = 1; i <= 8; i++)
        {
            var end = i >= 6;
            new RtpHeader(i == 1, (byte)pt, NextSequence(), eventTimestamp, Ssrc).Write(buffer);
            new TelephoneEvent(code, end, 10, (ushort)(Math.Min(i, 5) * SamplesPerFrame)).Write(buffer.AsSpan(RtpHeader.Size));
            await socket.SendToAsync(buffer, SocketFlags.None, negotiated.RemoteRtp, cancellationToken);
            if (i < 6) await Task.Delay(20, cancellationToken);
        }
    }

    private ushort NextSequence()
    {
        lock (gate) return sequence++;
    }

    /// <summary>
    /// Stops the current playback and drops the queued ones; with <paramref name="onlyBargeIn"/> (a key was pressed)
    /// only those that allow barge-in, queued ones included, so a prompt queued in parts stops as a whole.
    /// </summary>
    internal void StopPlayback(bool onlyBargeIn)
    {
        List<Playback> stopped = [];
        lock (gate)
        {
            if (current is not null && (!onlyBargeIn || current.StopOnDigit))
            {
                stopped.Add(current);
                current = null;
            }
            var kept = new Queue<Playback>();
            foreach (var playback in queue)
            {
                if (!onlyBargeIn || playback.StopOnDigit) stopped.Add(playback);
                else kept.Enqueue(playback);
            }
            queue.Clear();
            foreach (var playback in kept) queue.Enqueue(playback);
        }
        foreach (var playback in stopped) playback.Finish(PlaybackResult.Interrupted);
    }

    /// <summary>Called by the shared <see cref="RtpPacer"/> at each 20 ms tick: sends the next frame (audio or silence).</summary>
    internal void SendFrame(long dueTicks)
    {
        var negotiated = media;
        if (negotiated is null || Volatile.Read(ref disposed) != 0) return;
        var marker = FillFrame(sendFrame);
        ushort seq;
        uint ts;
        lock (gate)
        {
            seq = sequence++;
            ts = timestamp;
            timestamp += SamplesPerFrame;   // the clock runs on while the peer holds: timestamps count time, not packets
        }
        if (negotiated.SendingPaused) return;
        new RtpHeader(marker, (byte)negotiated.PayloadType, seq, ts, Ssrc).Write(sendPacket);
        G711.Encode(negotiated.Codec, sendFrame, sendPacket.AsSpan(RtpHeader.Size));
        try
        {
            socket.SendTo(sendPacket, SocketFlags.None, negotiated.RemoteRtp);
            SendStatistics.Record(Stopwatch.GetTimestamp(), dueTicks, ts, ClockRate);
        }
        catch (ObjectDisposedException) { }
        catch (SocketException ex)
        {
            logger.LogDebug(ex, "RTP send from {LocalPort} failed", LocalPort);
        }
    }

    /// <summary>The next 20 ms of the current playback, or silence; true when it starts a talkspurt (the marker bit).</summary>
    private bool FillFrame(short[] frame)
    {
        Playback? finished = null;
        var marker = false;
        lock (gate)
        {
            // A playback cancelled by its token is already complete: drop it here, where the frames are taken.
            if (current is not null && current.Completion.Task.IsCompleted) current = null;
            while (current is null && queue.TryDequeue(out var next))
            {
                if (next.Completion.Task.IsCompleted) continue;
                current = next;
                marker = true;   // the first packet after silence (RFC 3551 4.1)
            }
            if (current is null)
            {
                Array.Clear(frame);
                return false;
            }
            var remaining = current.Samples.Length - current.Position;
            var count = Math.Min(remaining, SamplesPerFrame);
            current.Samples.Span.Slice(current.Position, count).CopyTo(frame);
            Array.Clear(frame, count, SamplesPerFrame - count);
            current.Position += count;
            if (current.Position >= current.Samples.Length)
            {
                finished = current;
                current = null;
            }
        }
        finished?.Finish(PlaybackResult.Completed);
        return marker;
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset) { continue; }
            catch (SocketException ex)
            {
                logger.LogWarning(ex, "RTP receiving stopped on {LocalPort}", LocalPort);
                return;
            }
            if (!Accept((IPEndPoint)result.RemoteEndPoint, buffer.AsSpan(0, result.ReceivedBytes), out var digit))
            {
                Interlocked.Increment(ref packetsIgnored);
                SipMetrics.RtpPacketsDropped.Add(1);
                continue;
            }
            Interlocked.Increment(ref packetsReceived);
            if (digit is { } key)
            {
                StopPlayback(onlyBargeIn: true);
                DigitReceived?.Invoke(this, new DtmfDigitEventArgs(key, DtmfSource.Rfc4733));
            }
        }
    }

    internal bool Accept(IPEndPoint from, ReadOnlySpan<byte> packet, out char? digit)
    {
        digit = null;
        var negotiated = media;
        // Only the negotiated address; the port may differ behind NAT (symmetric RTP, RFC 4961).
        if (negotiated is null || !from.Address.Equals(negotiated.RemoteRtp.Address)) return false;
        if (!WithinRate()) return false;
        if (!RtpHeader.TryRead(packet, out var header, out var payload)) return false;
        if (header.PayloadType == negotiated.TelephoneEventPayloadType)
        {
            if (!TelephoneEvent.TryRead(packet[payload], out var telephoneEvent)) return false;
            digit = detector.Accept(header, telephoneEvent);
            return true;
        }
        return header.PayloadType == negotiated.PayloadType;
    }

    private bool WithinRate()
    {
        var now = Stopwatch.GetTimestamp();
        if (now - windowStart >= Stopwatch.Frequency)
        {
            windowStart = now;
            windowCount = 0;
        }
        return ++windowCount <= MaxPacketsPerSecond;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        RtpPacer.Shared.Remove(this);
        await stopping.CancelAsync();
        socket.Dispose();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException) { }
        List<Playback> pending;
        lock (gate)
        {
            pending = [.. queue];
            if (current is not null) pending.Add(current);
            queue.Clear();
            current = null;
        }
        foreach (var playback in pending) playback.Finish(PlaybackResult.CallEnded);
        stopping.Dispose();
    }

    private sealed class Playback(ReadOnlyMemory<short> samples, bool stopOnDigit)
    {
        public ReadOnlyMemory<short> Samples { get; } = samples;
        public bool StopOnDigit { get; } = stopOnDigit;
        public int Position { get; set; }
        public TaskCompletionSource<PlaybackResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish(PlaybackResult result) => Completion.TrySetResult(result);
    }
}
