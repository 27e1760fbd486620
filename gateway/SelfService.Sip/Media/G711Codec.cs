namespace SelfService.Sip;

/// <summary>The G.711 codecs, valued as their static RTP payload types (RFC 3551 table 4).</summary>
public enum G711Codec
{
    Pcmu = 0,
    Pcma = 8,
}
