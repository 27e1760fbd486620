using System.Text;

namespace SelfService.Sip;

/// <summary>
/// A URI as SIP carries it (RFC 3261 19.1). sip: and sips: URIs are taken apart (user, host, port, parameters);
/// any other scheme (tel:, or one we do not know, RFC 4475 3.1.1.10) is kept whole in <see cref="Opaque"/>.
/// </summary>
public sealed class SipUri
{
    public SipUri(string scheme, string? user, string host, int? port = null)
    {
        Scheme = scheme;
        User = user;
        Host = host;
        Port = port;
    }

    private SipUri(string scheme, string opaque)
    {
        Scheme = scheme;
        Host = "";
        Opaque = opaque;
    }

    public string Scheme { get; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public string Host { get; }
    public int? Port { get; set; }
    public SipParameters Parameters { get; } = new();

    /// <summary>The "?name=value&amp;..." headers part, without the "?", or null.</summary>
    public string? Headers { get; set; }

    /// <summary>Everything after "scheme:" for a scheme other than sip/sips; null for sip/sips.</summary>
    public string? Opaque { get; }

    public bool IsSip => Opaque is null;

    /// <summary>The user part with %HH escapes decoded: the dialled number of "sip:0611@host".</summary>
    public string? UserDecoded => User is null ? null : Uri.UnescapeDataString(User);

    public static SipUri Parse(string text)
    {
        if (string.IsNullOrEmpty(text)) throw new SipParseException("empty URI");
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new SipParseException("URI without a scheme");
        var scheme = text[..colon];
        if (!char.IsAsciiLetter(scheme[0]) || !scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            throw new SipParseException("bad URI scheme");
        foreach (var c in text)
            if (c <= ' ' || c == 0x7f) throw new SipParseException("whitespace or a control character in a URI");
        var rest = text[(colon + 1)..];
        if (!scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            if (rest.Length == 0) throw new SipParseException("empty URI");
            return new SipUri(scheme, rest);
        }

        // userinfo "@" hostport: a user part may hold ? ; / and more (RFC 4475 3.1.1.2), a host part never holds "@".
        string? user = null;
        string? password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var passwordColon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = passwordColon >= 0 ? userInfo[..passwordColon] : userInfo;
            password = passwordColon >= 0 ? userInfo[(passwordColon + 1)..] : null;
            if (user.Length == 0) throw new SipParseException("empty user part in a URI");
            CheckEscapes(user);
        }

        var i = 0;
        string host;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new SipParseException("unterminated IPv6 reference");
            host = rest[..(close + 1)];
            if (!System.Net.IPAddress.TryParse(host[1..^1], out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                throw new SipParseException("bad IPv6 reference");
            i = close + 1;
        }
        else
        {
            while (i < rest.Length && (char.IsAsciiLetterOrDigit(rest[i]) || rest[i] is '-' or '.')) i++;
            host = rest[..i];
            if (host.Length == 0) throw new SipParseException("URI without a host");
        }

        int? port = null;
        if (i < rest.Length && rest[i] == ':')
        {
            var portStart = ++i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i])) i++;
            port = (int)SipGrammar.ParseNumber(rest.AsSpan(portStart, i - portStart), 65535, "URI port");
        }

        var uri = new SipUri(scheme, user, host, port) { Password = password };
        if (i < rest.Length && rest[i] == ';')
        {
            var parameters = ReadUriParameters(rest, ref i);
            foreach (var (name, value) in parameters) uri.Parameters.Add(name, value);
        }
        if (i < rest.Length && rest[i] == '?')
        {
            uri.Headers = rest[(i + 1)..];
            CheckEscapes(uri.Headers);
            i = rest.Length;
        }
        if (i != rest.Length) throw new SipParseException($"unexpected '{rest[i]}' in a URI");
        return uri;
    }

    public static bool TryParse(string text, out SipUri? uri)
    {
        try
        {
            uri = Parse(text);
            return true;
        }
        catch (SipParseException)
        {
            uri = null;
            return false;
        }
    }

    // uri-parameters are not header parameters: no whitespace, no quoted strings, and "%HH" escapes allowed.
    private static List<KeyValuePair<string, string?>> ReadUriParameters(string s, ref int i)
    {
        var list = new List<KeyValuePair<string, string?>>();
        while (i < s.Length && s[i] == ';')
        {
            var start = ++i;
            while (i < s.Length && s[i] is not (';' or '?')) i++;
            var item = s[start..i];
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var name = eq >= 0 ? item[..eq] : item;
            if (name.Length == 0) throw new SipParseException("empty URI parameter name");
            CheckEscapes(item);
            list.Add(new(name, eq >= 0 ? item[(eq + 1)..] : null));
        }
        return list;
    }

    private static void CheckEscapes(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%') continue;
            if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                throw new SipParseException("bad %-escape in a URI");
        }
    }

    public override string ToString()
    {
        if (Opaque is not null) return Scheme + ":" + Opaque;
        var text = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            text.Append(User);
            if (Password is not null) text.Append(':').Append(Password);
            text.Append('@');
        }
        text.Append(Host);
        if (Port is { } port) text.Append(':').Append(port);
        foreach (var (name, value) in Parameters.Items)
        {
            text.Append(';').Append(name);
            if (value is not null) text.Append('=').Append(value);
        }
        if (Headers is not null) text.Append('?').Append(Headers);
        return text.ToString();
    }
}
