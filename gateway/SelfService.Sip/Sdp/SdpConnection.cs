namespace SelfService.Sip;

/// <summary>A "c=IN IP4 192.0.2.4" line (RFC 4566 5.7).</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    public static SdpConnection Parse(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3) throw new SipParseException("bad SDP c= line");
        return new SdpConnection(parts[0], parts[1], parts[2].Split('/')[0]);   // drop a multicast TTL "/127"
    }

    public static SdpConnection For(System.Net.IPAddress address) =>
        new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
