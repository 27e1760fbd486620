using System.Text;

namespace SelfService.Sip;

/// <summary>A SIP request or response (RFC 3261 7): a start line, headers and a body.</summary>
public abstract class SipMessage
{
    public SipHeaderCollection Headers { get; } = new();

    /// <summary>The body, exactly Content-Length bytes of it.</summary>
    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string CallId => Headers.Get(SipHeaderNames.CallId) ?? throw new SipParseException("no Call-ID");
    public NameAddress From => NameAddress.Parse(Headers.Get(SipHeaderNames.From) ?? throw new SipParseException("no From"));
    public NameAddress To => NameAddress.Parse(Headers.Get(SipHeaderNames.To) ?? throw new SipParseException("no To"));
    public SipCSeq CSeq => SipCSeq.Parse(Headers.Get(SipHeaderNames.CSeq) ?? throw new SipParseException("no CSeq"));
    public IReadOnlyList<SipVia> Vias => [.. Headers.GetAll(SipHeaderNames.Via).Select(SipVia.Parse)];
    public SipVia TopVia => Vias.Count > 0 ? Vias[0] : throw new SipParseException("no Via");
    public IReadOnlyList<NameAddress> Contacts => [.. Headers.GetAll(SipHeaderNames.Contact).Where(c => c != "*").Select(NameAddress.Parse)];
    public IReadOnlyList<NameAddress> RecordRoutes => [.. Headers.GetAll(SipHeaderNames.RecordRoute).Select(NameAddress.Parse)];

    /// <summary>The media type without parameters, lower-cased ("application/sdp"), or null.</summary>
    public string? ContentType
    {
        get
        {
            var value = Headers.Get(SipHeaderNames.ContentType);
            if (value is null) return null;
            var semi = value.IndexOf(';', StringComparison.Ordinal);
            return (semi >= 0 ? value[..semi] : value).Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).ToLowerInvariant();
        }
    }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    public void SetBody(string contentType, string body)
    {
        Headers.Set(SipHeaderNames.ContentType, contentType);
        Body = Encoding.UTF8.GetBytes(body);
    }

    protected abstract string StartLine { get; }

    /// <summary>The wire form: CRLF line ends, one line per header, and a Content-Length that matches the body.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder(StartLine).Append("\r\n");
        foreach (var header in Headers.Lines)
        {
            if (header.Name.Equals(SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)) continue;
            text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }
        text.Append(SipHeaderNames.ContentLength).Append(": ").Append(Body.Length).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(text.ToString());
        var bytes = new byte[head.Length + Body.Length];
        head.CopyTo(bytes, 0);
        Body.Span.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}
