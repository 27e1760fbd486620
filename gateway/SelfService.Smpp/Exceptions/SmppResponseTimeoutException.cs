namespace SelfService.Smpp;

/// <summary>No response came within the response timeout. The request has left the window.</summary>
/// <remarks>When <see cref="WrittenToSocket"/> is true the request may have reached the SMSC and been accepted: do not
/// resubmit blindly.</remarks>
public class SmppResponseTimeoutException : SmppException
{
    public SmppResponseTimeoutException() { }
    public SmppResponseTimeoutException(string message) : base(message) { }
    public SmppResponseTimeoutException(string message, Exception? innerException) : base(message, innerException) { }

    public SmppResponseTimeoutException(CommandId requestId, uint sequenceNumber, TimeSpan timeout, bool writtenToSocket)
        : base($"No response to {requestId} #{sequenceNumber} within {timeout.TotalSeconds:0.###} s")
    {
        RequestId = requestId;
        SequenceNumber = sequenceNumber;
        Timeout = timeout;
        WrittenToSocket = writtenToSocket;
    }

    public CommandId RequestId { get; }

    public uint SequenceNumber { get; }

    public TimeSpan Timeout { get; }

    /// <summary>True when the request was written to the socket: its fate is unknown.</summary>
    public bool WrittenToSocket { get; }
}
