using System.Text;

namespace SelfService.Sip;

/// <summary>
/// A To, From, Contact, Route or Record-Route value (RFC 3261 20.10, 25.1): an optional display name, a URI, and the
/// header's own parameters (the tag, expires, q...).
/// </summary>
public sealed class NameAddress
{
    public NameAddress(SipUri uri, string? displayName = null)
    {
        Uri = uri;
        DisplayName = displayName;
    }

    public string? DisplayName { get; }
    public SipUri Uri { get; }
    public SipParameters Parameters { get; } = new();

    public string? Tag
    {
        get => Parameters.Get("tag");
        set
        {
            if (value is null) Parameters.Remove("tag");
            else Parameters.Set("tag", value);
        }
    }

    public static NameAddress Parse(string text)
    {
        var s = text.Trim(' ', '\t');
        var i = 0;
        string? displayName = null;
        SipUri uri;
        var angle = s.IndexOf('<', StringComparison.Ordinal);
        if (s.StartsWith('"'))
        {
            displayName = SipGrammar.ReadQuoted(s, ref i);
            i = SipGrammar.SkipWhitespace(s, i);
            if (i >= s.Length || s[i] != '<') throw new SipParseException("a quoted display name must be followed by <URI>");
        }
        else if (angle >= 0 && (angle == 0 || !s[..angle].Contains(';', StringComparison.Ordinal)))
        {
            // display-name = *(token LWS): the tokens before "<".
            var name = s[..angle].Trim(' ', '\t');
            foreach (var word in name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                if (!SipGrammar.IsToken(word)) throw new SipParseException("bad display name");
            displayName = name.Length > 0 ? name : null;
            i = angle;
        }

        if (i < s.Length && s[i] == '<')
        {
            var close = s.IndexOf('>', i);
            if (close < 0) throw new SipParseException("unterminated <URI>");
            // No whitespace inside the brackets: "< sip:a@b >" is refused (RFC 4475 3.1.2.14).
            uri = SipUri.Parse(s[(i + 1)..close]);
            i = close + 1;
        }
        else
        {
            // addr-spec without brackets: everything up to the first ";" is the URI; the rest are header parameters.
            var semi = s.IndexOf(';', i);
            var end = semi >= 0 ? semi : s.Length;
            var spec = s[i..end].TrimEnd(' ', '\t');
            if (spec.Contains('?', StringComparison.Ordinal) || spec.Contains(',', StringComparison.Ordinal))
                throw new SipParseException("a URI with ? or , must be in <>");
            uri = SipUri.Parse(spec);
            i = end;
        }

        var result = new NameAddress(uri, displayName);
        foreach (var (name, value) in SipGrammar.ReadParameters(s, ref i).Items) result.Parameters.Add(name, value);
        if (i != s.Length) throw new SipParseException("trailing characters after a name-addr");
        return result;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        if (DisplayName is not null) text.Append(SipGrammar.Quote(DisplayName)).Append(' ');
        text.Append('<').Append(Uri).Append('>').Append(Parameters);
        return text.ToString();
    }
}
