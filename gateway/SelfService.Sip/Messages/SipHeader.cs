namespace SelfService.Sip;

/// <summary>One header line as it was received (after unfolding), with its name in the canonical long form.</summary>
public sealed record SipHeader(string Name, string Value)
{
    public override string ToString() => $"{Name}: {Value}";
}
