using System.Diagnostics.Metrics;

namespace SelfService.Sip;

/// <summary>The library's instruments, on the meter named <see cref="MeterName"/> (see the README for the list).</summary>
public static class SipMetrics
{
    /// <summary>Subscribe to this meter (e.g. <c>AddMeter("SelfService.Sip")</c>) to collect the instruments.</summary>
    public const string MeterName = "SelfService.Sip";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> MalformedMessages = Meter.CreateCounter<long>("sip.messages.malformed", "{message}",
        "Datagrams that were no valid SIP message (answered 400/505 when they were requests with enough to answer).");

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("sip.calls", "{call}",
        "Calls handed to the handler (inbound) or placed (outbound), by sip.direction.");

    internal static readonly Counter<long> CallsRefused = Meter.CreateCounter<long>("sip.calls.refused", "{call}",
        "INVITEs refused before any handler saw them, by sip.status (488 no common codec, 400 bad SDP, 420, 480).");

    internal static readonly UpDownCounter<long> ActiveCalls = Meter.CreateUpDownCounter<long>("sip.calls.active", "{call}",
        "Calls ringing or up.");

    internal static readonly Counter<long> CallsEnded = Meter.CreateCounter<long>("sip.calls.ended", "{call}",
        "Calls ended, by sip.end_reason.");

    internal static readonly Counter<long> RtpPacketsDropped = Meter.CreateCounter<long>("rtp.packets.dropped", "{packet}",
        "RTP packets dropped: from another address than the negotiated one, over the flood limit, not RTP, or of another payload type.");

    internal static KeyValuePair<string, object?> Direction(SipCallDirection direction) =>
        new("sip.direction", direction == SipCallDirection.Inbound ? "inbound" : "outbound");

    internal static KeyValuePair<string, object?> Status(int status) => new("sip.status", status);

    internal static KeyValuePair<string, object?> EndReason(SipCallEndReason reason) => new("sip.end_reason", reason.ToString());
}
