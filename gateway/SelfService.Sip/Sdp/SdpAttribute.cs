namespace SelfService.Sip;

/// <summary>An "a=name[:value]" line (RFC 4566 5.13).</summary>
public sealed record SdpAttribute(string Name, string? Value)
{
    public static SdpAttribute Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon >= 0 ? text[..colon] : text;
        if (!SipGrammar.IsToken(name)) throw new SipParseException("bad SDP attribute name");
        return new SdpAttribute(name, colon >= 0 ? text[(colon + 1)..] : null);
    }

    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
