namespace SelfService.Sip;

/// <summary>
/// Turns a stream of RFC 4733 packets into key presses, each once. All packets of one event share its RTP timestamp
/// (section 2.5.1.2), and the end packet is sent three times (2.5.1.4), so a digit is reported on the first packet
/// seen of a new timestamp, and never again for that timestamp. A marked packet after an ended event starts a new
/// event even on the same timestamp (2.5.1.3), so a sender replaying the same recording twice is heard twice.
/// </summary>
public sealed class TelephoneEventDetector
{
    private uint? lastSsrc;
    private uint lastTimestamp;
    private bool lastEnded;

    /// <summary>The digit this packet starts, or null for a continuation, a repeat, or a non-DTMF event.</summary>
    public char? Accept(in RtpHeader header, in TelephoneEvent telephoneEvent)
    {
        var isNew = lastSsrc != header.Ssrc || lastTimestamp != header.Timestamp || (header.Marker && lastEnded && !telephoneEvent.End);
        if (!isNew)
        {
            lastEnded |= telephoneEvent.End;
            return null;
        }
        lastSsrc = header.Ssrc;
        lastTimestamp = header.Timestamp;
        lastEnded = telephoneEvent.End;
        return telephoneEvent.Digit;
    }
}
