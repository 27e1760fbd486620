using System.Net;

namespace SelfService.Sip;

/// <summary>Where the user agent listens and how it times its retransmissions.</summary>
public sealed class SipUserAgentOptions
{
    /// <summary>The address to bind SIP and RTP sockets to.</summary>
    public IPAddress LocalAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The SIP UDP port; 0 picks a free one (read it back from <see cref="SipUserAgent.LocalEndPoint"/>).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>The address written in Via, Contact and SDP when it differs from <see cref="LocalAddress"/> (0.0.0.0, NAT).</summary>
    public IPAddress? AdvertisedAddress { get; set; }

    /// <summary>The RTP port range (even ports are used); 0 and 0 let the system pick.</summary>
    public int RtpPortMin { get; set; }
    public int RtpPortMax { get; set; }

    /// <summary>RFC 3261 timer T1, the round-trip estimate: retransmissions start at T1 and double.</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>RFC 3261 timer T2: retransmission intervals stop doubling here.</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The Server and User-Agent header value.</summary>
    public string ProductName { get; set; } = "SelfService";

    /// <summary>Rings an outbound call this long before giving up with CANCEL.</summary>
    public TimeSpan OutboundRingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException("Port must be 0-65535");
        if (RtpPortMin != 0 && (RtpPortMin < 1024 || RtpPortMax < RtpPortMin + 2 || RtpPortMax > 65535))
            throw new ArgumentException("RtpPortMin-RtpPortMax must be a range of at least two ports above 1023");
        if (T1 <= TimeSpan.Zero || T2 < T1) throw new ArgumentException("T1 must be positive and T2 at least T1");
    }
}
