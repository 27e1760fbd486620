using System.Globalization;
using System.Text;

namespace SelfService.Sip;

/// <summary>An "m=" section (RFC 4566 5.14) with its own c= and a= lines.</summary>
public sealed class SdpMediaDescription(string media, int port, string protocol, IReadOnlyList<string> formats)
{
    public string Media { get; } = media;
    public int Port { get; } = port;
    public string Protocol { get; } = protocol;

    /// <summary>The payload types (for RTP/AVP) in the offerer's order of preference.</summary>
    public IReadOnlyList<string> Formats { get; } = formats;

    public SdpConnection? Connection { get; set; }
    public List<SdpAttribute> Attributes { get; } = [];

    public static SdpMediaDescription ParseMediaLine(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) throw new SipParseException("bad SDP m= line");
        var port = (int)SipGrammar.ParseNumber(parts[1].Split('/')[0], 65535, "SDP media port");
        return new SdpMediaDescription(parts[0], port, parts[2], parts[3..]);
    }

    /// <summary>The "a=rtpmap" of a payload type: (encoding name, clock rate), or null.</summary>
    public (string Encoding, int ClockRate)? RtpMap(string payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (!attribute.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase) || attribute.Value is null) continue;
            var space = attribute.Value.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || attribute.Value[..space] != payloadType) continue;
            var encoding = attribute.Value[(space + 1)..].Trim().Split('/');
            if (encoding.Length < 2 || !int.TryParse(encoding[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate)) return null;
            return (encoding[0], rate);
        }
        return null;
    }

    /// <summary>The "a=fmtp" parameters of a payload type, or null.</summary>
    public string? Fmtp(string payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (!attribute.Name.Equals("fmtp", StringComparison.OrdinalIgnoreCase) || attribute.Value is null) continue;
            var space = attribute.Value.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && attribute.Value[..space] == payloadType) return attribute.Value[(space + 1)..].Trim();
        }
        return null;
    }

    /// <summary>sendrecv (the default), sendonly, recvonly or inactive (RFC 3264 5.1).</summary>
    public string Direction =>
        Attributes.LastOrDefault(a => a.Value is null && a.Name is "sendrecv" or "sendonly" or "recvonly" or "inactive")?.Name ?? "sendrecv";

    public override string ToString()
    {
        var text = new StringBuilder().Append("m=").Append(Media).Append(' ').Append(Port).Append(' ').Append(Protocol);
        foreach (var format in Formats) text.Append(' ').Append(format);
        text.Append("\r\n");
        if (Connection is not null) text.Append("c=").Append(Connection).Append("\r\n");
        foreach (var attribute in Attributes) text.Append("a=").Append(attribute).Append("\r\n");
        return text.ToString();
    }
}
