namespace SelfService.Smpp;

/// <summary>The peer answered a request with a malformed or mismatched response. The request reached the peer, so its
/// fate is unknown; the connection is kept.</summary>
public class SmppProtocolException : SmppException
{
    public SmppProtocolException() { }
    public SmppProtocolException(string message) : base(message) { }
    public SmppProtocolException(string message, Exception? innerException) : base(message, innerException) { }
}
