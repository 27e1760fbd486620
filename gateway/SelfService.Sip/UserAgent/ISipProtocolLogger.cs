using System.Net;

namespace SelfService.Sip;

/// <summary>The opt-in wire log: every SIP datagram in and out of the user agent, apart from the application log.</summary>
/// <remarks>Called on the receive loop and on the senders: keep it quick. The bytes are only valid during the call.</remarks>
public interface ISipProtocolLogger
{
    void LogMessage(SipWireDirection direction, IPEndPoint peer, ReadOnlySpan<byte> message);
}
