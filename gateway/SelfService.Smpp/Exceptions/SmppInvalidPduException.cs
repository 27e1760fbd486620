namespace SelfService.Smpp;

/// <summary>A PDU cannot be encoded because a field breaks the spec (too long, not Latin-1, a NUL inside a C-octet string...).
/// Nothing was sent; sending the same PDU again fails the same way.</summary>
public sealed class SmppInvalidPduException : SmppException
{
    public SmppInvalidPduException() { }
    public SmppInvalidPduException(string message) : base(message) { }
    public SmppInvalidPduException(string message, Exception? innerException) : base(message, innerException) { }
    public SmppInvalidPduException(string field, string message) : base($"{field}: {message}") => Field = field;

    /// <summary>The spec name of the offending field, e.g. "source_addr".</summary>
    public string? Field { get; }
}
