namespace SelfService.Sip;

/// <summary>An outbound call that was not answered: the callee's final response, or 408 when none came in time.</summary>
public sealed class SipCallFailedException : SipException
{
    public SipCallFailedException() { }
    public SipCallFailedException(string message) : base(message) { }
    public SipCallFailedException(string message, Exception? innerException) : base(message, innerException) { }

    public SipCallFailedException(int statusCode, string reasonPhrase)
        : base($"the call failed: {statusCode} {reasonPhrase}")
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }
    public string ReasonPhrase { get; } = "";
}
