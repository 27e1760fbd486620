using SelfService.Smpp;

namespace SelfService.Channels.Ussd;

/// <summary>
/// its_session_info (TLV 0x1383, SMPP v3.4 section 5.3.2.43): two octets, the session number, then the sequence number
/// in bits 7-1 and the end-of-session flag in bit 0. Both sides number their messages within one session.
/// </summary>
internal readonly record struct UssdSessionInfo(byte Number, byte Sequence, bool End)
{
    public static UssdSessionInfo? Read(TlvList tlvs)
    {
        if (!tlvs.TryGet(TlvTag.ItsSessionInfo, out var tlv) || tlv.Value.Length != 2) return null;
        var octets = tlv.Value.Span;
        return new UssdSessionInfo(octets[0], (byte)(octets[1] >> 1), (octets[1] & 1) != 0);
    }

    /// <summary>The answer's: the same session, the next sequence number (seven bits, so it wraps at 128).</summary>
    public UssdSessionInfo Next(bool end) => new(Number, (byte)((Sequence + 1) & 0x7F), end);

    public Tlv ToTlv() => Tlv.FromOctets(TlvTag.ItsSessionInfo, new[] { Number, (byte)((Sequence << 1) | (End ? 1 : 0)) });
}
