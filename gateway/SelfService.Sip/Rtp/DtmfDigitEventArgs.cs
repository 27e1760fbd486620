namespace SelfService.Sip;

/// <summary>A key the caller pressed.</summary>
public sealed class DtmfDigitEventArgs(char digit, DtmfSource source) : EventArgs
{
    public char Digit { get; } = digit;
    public DtmfSource Source { get; } = source;
}
