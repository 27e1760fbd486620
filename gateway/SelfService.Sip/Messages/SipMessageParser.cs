using System.Text;

namespace SelfService.Sip;

/// <summary>
/// Bytes to <see cref="SipMessage"/> (RFC 3261 7 and 25). Strict where a wrong guess would be harmful (the start line,
/// the headers a transaction is keyed on, Content-Length), lenient where RFC 3261 asks for it (folding, compact names,
/// bare LF line ends, leading CRLFs). It throws <see cref="SipParseException"/> and nothing else.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Datagrams larger than this are refused unread (RFC 3261 18.1.1 keeps UDP messages near the path MTU).</summary>
    public const int MaxMessageSize = 65_535;

    public static SipMessage Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ParseCore(bytes);
        }
        catch (SipParseException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // Belt and braces for the fuzz contract: a grammar hole we missed is still a parse error, never a crash.
            throw new SipParseException("malformed SIP message: " + ex.Message, ex);
        }
    }

    public static SipMessage Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>True for a keep-alive (only CR/LF/whitespace, RFC 5626 3.5.1), which is neither a message nor an error.</summary>
    public static bool IsKeepAlive(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')) return false;
        return true;
    }

    private static SipMessage ParseCore(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxMessageSize) throw new SipParseException("message too large");
        var start = 0;
        while (start + 1 < bytes.Length && bytes[start] == '\r' && bytes[start + 1] == '\n') start += 2;
        bytes = bytes[start..];

        var (headEnd, bodyStart) = FindHeaderEnd(bytes);
        if (headEnd < 0) throw new SipParseException("no empty line after the headers");
        var head = Encoding.UTF8.GetString(bytes[..headEnd]);
        var body = bytes[bodyStart..];

        var lines = head.Split('\n');
        for (var i = 0; i < lines.Length; i++) lines[i] = lines[i].TrimEnd('\r');
        var startLine = lines[0];
        var isRequest = !startLine.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase);

        var headers = new List<SipHeader>();
        string? headerError = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && SipGrammar.IsWhitespace(line[0]))
            {
                // Folding (RFC 3261 7.3.1): a line starting with whitespace continues the previous one; CRLF+LWS is one SP.
                if (headers.Count == 0) { headerError ??= "a folded line before any header"; continue; }
                var last = headers[^1];
                headers[^1] = last with { Value = (last.Value + " " + line.Trim(' ', '\t')).Trim(' ', '\t') };
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) { headerError ??= "a header line without a colon"; continue; }
            var name = line[..colon].TrimEnd(' ', '\t');
            if (!SipGrammar.IsToken(name)) { headerError ??= "a bad header name"; continue; }
            headers.Add(new SipHeader(SipHeaderNames.Normalize(name), line[(colon + 1)..].Trim(' ', '\t')));
        }

        try
        {
            if (headerError is not null) throw new SipParseException(headerError);
            SipMessage message = isRequest ? ParseRequestLine(startLine) : ParseStatusLine(startLine);
            foreach (var header in headers) message.Headers.AddParsed(header);
            Validate(message);
            message.Body = ReadBody(message, body);
            return message;
        }
        catch (SipParseException ex) when (isRequest)
        {
            // What a server needs to answer 400 even though the request is bad (RFC 3261 8.2.6.2: copy these).
            ex.RequestHeaders = headers.FindAll(h => h.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.To
                or SipHeaderNames.CallId or SipHeaderNames.CSeq);
            ex.RequestMethod = startLine.Split(' ')[0];
            throw;
        }
    }

    private static (int HeadEnd, int BodyStart) FindHeaderEnd(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n') continue;
            if (i + 1 < bytes.Length && bytes[i + 1] == '\n') return (i, i + 2);
            if (i + 2 < bytes.Length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return (i, i + 3);
        }
        return (-1, -1);
    }

    private static SipRequest ParseRequestLine(string line)
    {
        // Request-Line = Method SP Request-URI SP SIP-Version CRLF: exactly single spaces (RFC 4475 3.1.2.8-3.1.2.10).
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) throw new SipParseException("bad request line");
        var (method, uriText, version) = (parts[0], parts[1], parts[2]);
        if (!SipGrammar.IsToken(method)) throw new SipParseException("bad method");
        CheckVersion(version);
        if (uriText.StartsWith('<')) throw new SipParseException("Request-URI in <>");
        var uri = SipUri.Parse(uriText);
        if (uri.IsSip && uri.Headers is not null) throw new SipParseException("headers in a SIP Request-URI");
        return new SipRequest(method, uri);
    }

    private static SipResponse ParseStatusLine(string line)
    {
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF; an empty reason is allowed (RFC 4475 3.1.1.13).
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        if (firstSpace < 0) throw new SipParseException("bad status line");
        CheckVersion(line[..firstSpace]);
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf(' ', StringComparison.Ordinal);
        var code = secondSpace >= 0 ? rest[..secondSpace] : rest;
        if (code.Length != 3 || !SipGrammar.IsDigits(code)) throw new SipParseException("bad status code");
        var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        if (status is < 100 or > 699) throw new SipParseException("status code out of range");
        return new SipResponse(status, secondSpace >= 0 ? rest[(secondSpace + 1)..] : "");
    }

    private static void CheckVersion(string version)
    {
        if (version.Equals("SIP/2.0", StringComparison.OrdinalIgnoreCase)) return;
        var looksLikeSip = version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) && version.Length > 4
            && version[4..].Split('.') is [var major, var minor] && SipGrammar.IsDigits(major) && SipGrammar.IsDigits(minor);
        throw looksLikeSip ? new SipParseException("unsupported SIP version " + version, 505) : new SipParseException("bad SIP version");
    }

    private static void Validate(SipMessage message)
    {
        var headers = message.Headers;
        foreach (var required in new[] { SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq })
            if (!headers.Contains(required)) throw new SipParseException($"missing {required}");
        foreach (var group in headers.Lines.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
            if (SipHeaderNames.IsSingleton(group.Key) && group.Count() > 1) throw new SipParseException($"more than one {group.Key}");

        // Parsing each typed header is the validation: any grammar error surfaces here as a SipParseException.
        var vias = message.Vias;
        if (vias.Count == 0) throw new SipParseException("empty Via");
        _ = message.From;
        _ = message.To;
        var callId = message.CallId;
        if (callId.Length == 0 || callId.Any(c => c <= ' ')) throw new SipParseException("bad Call-ID");
        var cseq = message.CSeq;
        _ = message.Contacts;
        _ = message.RecordRoutes;
        foreach (var route in headers.GetAll(SipHeaderNames.Route)) NameAddress.Parse(route);
        var contentType = headers.Get(SipHeaderNames.ContentType);
        if (contentType is not null)
        {
            var type = contentType.Split(';')[0].Split('/');
            if (type.Length != 2 || !SipGrammar.IsToken(type[0].Trim(' ', '\t')) || !SipGrammar.IsToken(type[1].Trim(' ', '\t')))
                throw new SipParseException("bad Content-Type");
        }
        if (message is SipRequest request)
        {
            _ = request.MaxForwards;
            if (!cseq.Method.Equals(request.Method, StringComparison.Ordinal)) throw new SipParseException("CSeq method differs from the request method");
        }
    }

    private static byte[] ReadBody(SipMessage message, ReadOnlySpan<byte> body)
    {
        var values = message.Headers.GetAll(SipHeaderNames.ContentLength);
        if (values.Count == 0) return body.ToArray();   // UDP: the datagram's end is the body's end (RFC 3261 18.3)
        var lengths = values.Select(v => SipGrammar.ParseNumber(v, int.MaxValue, "Content-Length")).Distinct().ToList();
        if (lengths.Count > 1) throw new SipParseException("conflicting Content-Length values");
        var length = lengths[0];
        if (length > body.Length) throw new SipParseException("Content-Length larger than the message");
        return body[..(int)length].ToArray();   // bytes past Content-Length are discarded (RFC 3261 18.3)
    }
}
