namespace SelfService.Sip;

/// <summary>The CSeq header (RFC 3261 20.16): a sequence number below 2**31 and the method.</summary>
public sealed record SipCSeq(long Number, string Method)
{
    public static SipCSeq Parse(string text)
    {
        var s = text.Trim(' ', '\t');
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        var number = SipGrammar.ParseNumber(s.AsSpan(0, i), int.MaxValue, "CSeq number");
        var methodStart = SipGrammar.SkipWhitespace(s, i);
        if (methodStart == i) throw new SipParseException("CSeq without whitespace before the method");
        var method = s[methodStart..];
        if (!SipGrammar.IsToken(method)) throw new SipParseException("bad CSeq method");
        return new SipCSeq(number, method);
    }

    public override string ToString() => $"{Number} {Method}";
}
