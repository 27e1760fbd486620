namespace SelfService.Smpp;

/// <summary>The connection to the peer is broken, or there is none (not bound, stopped).</summary>
/// <remarks>
/// <see cref="WrittenToSocket"/> says whether the request had been handed to the socket. If it had, it may have reached the
/// SMSC and been accepted: resubmitting it blindly risks a duplicate. If it had not, resubmitting is safe.
/// </remarks>
public class SmppConnectionException : SmppException
{
    public SmppConnectionException() { }
    public SmppConnectionException(string message) : base(message) { }
    public SmppConnectionException(string message, Exception? innerException) : base(message, innerException) { }

    public SmppConnectionException(string message, bool writtenToSocket, Exception? innerException = null) : base(message, innerException) =>
        WrittenToSocket = writtenToSocket;

    /// <summary>True when the request was written to the socket before the connection broke: its fate is unknown.</summary>
    public bool WrittenToSocket { get; }
}
