namespace SelfService.Smpp;

/// <summary>The base of every exception this library throws on purpose.</summary>
public class SmppException : Exception
{
    public SmppException() { }
    public SmppException(string message) : base(message) { }
    public SmppException(string message, Exception? innerException) : base(message, innerException) { }
}
