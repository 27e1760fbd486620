namespace SelfService.Sip;

/// <summary>The base of every exception this library throws on purpose.</summary>
public class SipException : Exception
{
    public SipException() { }
    public SipException(string message) : base(message) { }
    public SipException(string message, Exception? innerException) : base(message, innerException) { }
}
