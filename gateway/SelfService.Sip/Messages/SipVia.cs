using System.Text;

namespace SelfService.Sip;

/// <summary>One Via value (RFC 3261 20.42): "SIP/2.0/UDP host:port;branch=z9hG4bK...;rport;received=...".</summary>
public sealed class SipVia
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (section 8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public SipVia(string transport, string host, int? port, string? branch)
    {
        Transport = transport;
        Host = host;
        Port = port;
        if (branch is not null) Parameters.Add("branch", branch);
    }

    public string Transport { get; }
    public string Host { get; }
    public int? Port { get; }
    public SipParameters Parameters { get; } = new();

    public string? Branch => Parameters.Get("branch");

    /// <summary>"host:port" as the client wrote it: half of a server transaction's key (RFC 3261 17.2.3).</summary>
    public string SentBy => Port is { } port ? $"{Host}:{port}" : Host;

    public static SipVia Parse(string text)
    {
        var s = text.Trim(' ', '\t');
        var i = 0;
        var protocol = ReadToken(s, ref i, "Via protocol name");
        ExpectSlash(s, ref i);
        var version = ReadToken(s, ref i, "Via protocol version");
        ExpectSlash(s, ref i);
        var transport = ReadToken(s, ref i, "Via transport");
        if (!protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase) || version != "2.0")
            throw new SipParseException("Via of another protocol than SIP/2.0");
        var hostStart = SipGrammar.SkipWhitespace(s, i);
        if (hostStart == i) throw new SipParseException("Via without whitespace before its host");
        i = hostStart;
        string host;
        if (i < s.Length && s[i] == '[')
        {
            var close = s.IndexOf(']', i);
            if (close < 0) throw new SipParseException("unterminated IPv6 reference in Via");
            host = s[i..(close + 1)];
            i = close + 1;
        }
        else
        {
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '.')) i++;
            host = s[hostStart..i];
        }
        if (host.Length == 0) throw new SipParseException("Via without a host");
        int? port = null;
        var afterHost = SipGrammar.SkipWhitespace(s, i);
        if (afterHost < s.Length && s[afterHost] == ':')
        {
            i = SipGrammar.SkipWhitespace(s, afterHost + 1);
            var portStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            port = (int)SipGrammar.ParseNumber(s.AsSpan(portStart, i - portStart), 65535, "Via port");
        }
        var via = new SipVia(transport.ToUpperInvariant(), host, port, null);
        foreach (var (name, value) in SipGrammar.ReadParameters(s, ref i).Items) via.Parameters.Add(name, value);
        if (i != s.Length) throw new SipParseException("trailing characters in Via");
        return via;
    }

    private static string ReadToken(string s, ref int i, string what)
    {
        i = SipGrammar.SkipWhitespace(s, i);
        var start = i;
        while (i < s.Length && SipGrammar.IsTokenChar(s[i])) i++;
        if (i == start) throw new SipParseException($"{what} missing");
        return s[start..i];
    }

    private static void ExpectSlash(string s, ref int i)
    {
        i = SipGrammar.SkipWhitespace(s, i);
        if (i >= s.Length || s[i] != '/') throw new SipParseException("Via sent-protocol without /");
        i++;
    }

    public override string ToString()
    {
        var text = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } port) text.Append(':').Append(port);
        return text.Append(Parameters).ToString();
    }
}
