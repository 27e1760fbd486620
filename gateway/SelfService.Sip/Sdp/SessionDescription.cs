using System.Text;

namespace SelfService.Sip;

/// <summary>An SDP body (RFC 4566): the session lines, then the media sections in order.</summary>
public sealed class SessionDescription
{
    public string Origin { get; set; } = "- 0 0 IN IP4 0.0.0.0";
    public string SessionName { get; set; } = "-";
    public SdpConnection? Connection { get; set; }
    public string Timing { get; set; } = "0 0";
    public List<SdpAttribute> Attributes { get; } = [];
    public List<SdpMediaDescription> Media { get; } = [];

    public static SessionDescription Parse(string text)
    {
        var sdp = new SessionDescription();
        var sawVersion = false;
        var sawOrigin = false;
        SdpMediaDescription? media = null;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0) continue;
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0])) throw new SipParseException("bad SDP line");
            var value = line[2..];
            switch (line[0])
            {
                case 'v':
                    if (value != "0") throw new SipParseException("SDP version is not 0");
                    sawVersion = true;
                    break;
                case 'o':
                    if (value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6) throw new SipParseException("bad SDP o= line");
                    sdp.Origin = value;
                    sawOrigin = true;
                    break;
                case 's' when media is null: sdp.SessionName = value; break;
                case 't' when media is null: sdp.Timing = value; break;
                case 'c':
                    if (media is null) sdp.Connection = SdpConnection.Parse(value);
                    else media.Connection = SdpConnection.Parse(value);
                    break;
                case 'a':
                    (media?.Attributes ?? sdp.Attributes).Add(SdpAttribute.Parse(value));
                    break;
                case 'm':
                    media = SdpMediaDescription.ParseMediaLine(value);
                    sdp.Media.Add(media);
                    break;
                default: break;   // i=, u=, e=, p=, b=, r=, z=, k=: not needed for audio offer/answer
            }
        }
        if (!sawVersion || !sawOrigin) throw new SipParseException("SDP without v= or o=");
        return sdp;
    }

    public override string ToString()
    {
        var text = new StringBuilder("v=0\r\n");
        text.Append("o=").Append(Origin).Append("\r\n");
        text.Append("s=").Append(SessionName).Append("\r\n");
        if (Connection is not null) text.Append("c=").Append(Connection).Append("\r\n");
        text.Append("t=").Append(Timing).Append("\r\n");
        foreach (var attribute in Attributes) text.Append("a=").Append(attribute).Append("\r\n");
        foreach (var media in Media) text.Append(media);
        return text.ToString();
    }
}
