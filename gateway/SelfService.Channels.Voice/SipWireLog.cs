using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SelfService.Sip;

namespace SelfService.Channels.Voice;

/// <summary>
/// The SIP the voice channel exchanges, one log line a message at Debug ("SelfService.Channels.Voice.SipWireLog"): the
/// start line, Call-ID and CSeq, which is what an operator needs to follow a call through their trunk's own traces.
/// Bodies (SDP) and other headers are left out.
/// </summary>
internal sealed partial class SipWireLog(ILogger<SipWireLog> logger) : ISipProtocolLogger
{
    public void LogMessage(SipWireDirection direction, IPEndPoint peer, ReadOnlySpan<byte> message)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var text = Encoding.UTF8.GetString(message[..Math.Min(message.Length, 2048)]);
        var lines = text.Split("\r\n");
        // A header by its name or its compact form (RFC 3261 7.3.3: Call-ID is "i"; CSeq has none).
        string Header(params string[] names) =>
            lines.FirstOrDefault(l => names.Any(n => l.StartsWith(n + ":", StringComparison.OrdinalIgnoreCase)))?.Split(':', 2)[1].Trim() ?? "";
        LogWire(direction == SipWireDirection.Sent ? "→" : "←", peer.ToString(), lines[0], Header("Call-ID", "i"), Header("CSeq"));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP {Direction} {Peer}: {StartLine} (Call-ID {CallId}, CSeq {CSeq})")]
    private partial void LogWire(string direction, string peer, string startLine, string callId, string cseq);
}
