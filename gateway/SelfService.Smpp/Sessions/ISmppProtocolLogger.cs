namespace SelfService.Smpp;

/// <summary>The opt-in wire log: every PDU in and out of a session, apart from the application log.</summary>
/// <remarks>Called on the session's read and write loops: keep it quick. Bind passwords arrive already replaced by "***".</remarks>
public interface ISmppProtocolLogger
{
    /// <summary>A PDU was read from, or written to, the connection named <paramref name="connection"/>.</summary>
    void LogPdu(string connection, SmppPduDirection direction, Pdu pdu);

    /// <summary>A frame was read whose body could not be decoded (it was answered with a generic_nack or an error _resp).</summary>
    void LogInvalidPdu(string connection, PduHeader header, string error);
}
