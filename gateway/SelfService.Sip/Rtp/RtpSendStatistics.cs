using System.Diagnostics;

namespace SelfService.Sip;

/// <summary>
/// How steadily the sender kept its 20 ms pace, measured on the monotonic clock at each send: the lateness against the
/// schedule, and the RFC 3550 (A.8) jitter of the send times against the RTP timestamps, as a receiver on a perfect
/// network would compute it. A figure to print, not to assert on.
/// </summary>
public sealed class RtpSendStatistics
{
    private readonly Lock gate = new();
    private long packets;
    private double latenessSumMs;
    private double maxLatenessMs;
    private double jitterMs;
    private long? previousSendTicks;
    private uint previousTimestamp;

    public long PacketsSent { get { lock (gate) return packets; } }
    public double MeanLatenessMs { get { lock (gate) return packets == 0 ? 0 : latenessSumMs / packets; } }
    public double MaxLatenessMs { get { lock (gate) return maxLatenessMs; } }

    /// <summary>Interarrival jitter (RFC 3550 6.4.1) of the packets as sent, in milliseconds.</summary>
    public double JitterMs { get { lock (gate) return jitterMs; } }

    internal void Record(long sendTicks, long dueTicks, uint timestamp, int clockRate)
    {
        var latenessMs = Math.Max(0, (sendTicks - dueTicks) * 1000.0 / Stopwatch.Frequency);
        lock (gate)
        {
            packets++;
            latenessSumMs += latenessMs;
            maxLatenessMs = Math.Max(maxLatenessMs, latenessMs);
            if (previousSendTicks is { } previous)
            {
                var sentGapMs = (sendTicks - previous) * 1000.0 / Stopwatch.Frequency;
                var timestampGapMs = unchecked(timestamp - previousTimestamp) * 1000.0 / clockRate;
                jitterMs += (Math.Abs(sentGapMs - timestampGapMs) - jitterMs) / 16;
            }
            previousSendTicks = sendTicks;
            previousTimestamp = timestamp;
        }
    }

    public override string ToString() =>
        $"{PacketsSent} packets, jitter {JitterMs:F2} ms, lateness mean {MeanLatenessMs:F2} ms, max {MaxLatenessMs:F2} ms";
}
