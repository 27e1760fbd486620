using System.Text;

namespace SelfService.Sip;

/// <summary>Character classes and small scanners of RFC 3261 section 25, shared by the parsers.</summary>
internal static class SipGrammar
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!IsTokenChar(c)) return false;
        return true;
    }

    /// <summary>word (Call-ID): token characters plus ( ) &lt; &gt; : \ " / [ ] ? { }.</summary>
    public static bool IsWord(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
        {
            if (IsTokenChar(c) || c is '(' or ')' or '<' or '>' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '{' or '}') continue;
            return false;
        }
        return true;
    }

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    public static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>A decimal of at most <paramref name="max"/>; leading zeros are allowed (RFC 4475 3.1.1.1).</summary>
    public static long ParseNumber(ReadOnlySpan<char> s, long max, string what)
    {
        s = s.Trim(" \t");
        if (!IsDigits(s)) throw new SipParseException($"{what} is not a number");
        long value = 0;
        foreach (var c in s)
        {
            value = value * 10 + (c - '0');
            if (value > max) throw new SipParseException($"{what} is too large");
        }
        return value;
    }

    /// <summary>
    /// Splits a header value at the commas between its values, not those inside quoted strings or angle brackets
    /// (a display name or a URI may contain commas).
    /// </summary>
    public static List<string> SplitCommas(string value)
    {
        var parts = new List<string>();
        var start = 0;
        var inQuotes = false;
        var inAngles = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\') i++;
                else if (c == '"') inQuotes = false;
            }
            else if (c == '"') inQuotes = true;
            else if (c == '<') inAngles = true;
            else if (c == '>') inAngles = false;
            else if (c == ',' && !inAngles)
            {
                parts.Add(value[start..i].Trim(' ', '\t'));
                start = i + 1;
            }
        }
        if (inQuotes) throw new SipParseException("unterminated quoted string");
        if (inAngles) throw new SipParseException("unterminated <");
        parts.Add(value[start..].Trim(' ', '\t'));
        return parts;
    }

    /// <summary>Reads a quoted-string starting at <paramref name="index"/> (on the opening quote); returns its unescaped content.</summary>
    public static string ReadQuoted(string s, ref int index)
    {
        var text = new StringBuilder();
        for (var i = index + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\')
            {
                if (++i >= s.Length) break;
                text.Append(s[i]);
            }
            else if (c == '"')
            {
                index = i + 1;
                return text.ToString();
            }
            else text.Append(c);
        }
        throw new SipParseException("unterminated quoted string");
    }

    public static string Quote(string s)
    {
        var text = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\') text.Append('\\');
            text.Append(c);
        }
        return text.Append('"').ToString();
    }

    public static int SkipWhitespace(string s, int index)
    {
        while (index < s.Length && IsWhitespace(s[index])) index++;
        return index;
    }

    /// <summary>
    /// Reads ";name[=value]" parameters until the end of <paramref name="s"/> or a character in <paramref name="stopAt"/>.
    /// Whitespace is allowed around ";" and "=" (SEMI and EQUAL are SWS-padded); a value is a token, a host or a quoted string.
    /// </summary>
    public static SipParameters ReadParameters(string s, ref int index, string stopAt = "")
    {
        var parameters = new SipParameters();
        while (true)
        {
            index = SkipWhitespace(s, index);
            if (index >= s.Length || stopAt.Contains(s[index], StringComparison.Ordinal)) return parameters;
            if (s[index] != ';') throw new SipParseException($"unexpected '{s[index]}' before a parameter");
            index = SkipWhitespace(s, index + 1);
            var nameStart = index;
            while (index < s.Length && IsTokenChar(s[index])) index++;
            var name = s[nameStart..index];
            if (name.Length == 0) throw new SipParseException("empty parameter name");
            index = SkipWhitespace(s, index);
            string? value = null;
            if (index < s.Length && s[index] == '=')
            {
                index = SkipWhitespace(s, index + 1);
                if (index < s.Length && s[index] == '"')
                {
                    value = ReadQuoted(s, ref index);
                }
                else
                {
                    var valueStart = index;
                    while (index < s.Length && (IsTokenChar(s[index]) || s[index] is ':' or '[' or ']')) index++;
                    value = s[valueStart..index];
                    if (value.Length == 0) throw new SipParseException($"empty value of parameter {name}");
                }
            }
            parameters.Add(name, value);
        }
    }
}
