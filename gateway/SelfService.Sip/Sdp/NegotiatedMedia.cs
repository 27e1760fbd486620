using System.Net;

namespace SelfService.Sip;

/// <summary>
/// What an offer/answer settled: where to send RTP, the codec and its payload type, and the telephone-event payload
/// type (RFC 4733) when both sides have it.
/// </summary>
public sealed record NegotiatedMedia(IPEndPoint RemoteRtp, G711Codec Codec, int PayloadType, int? TelephoneEventPayloadType)
{
    /// <summary>c=0.0.0.0 (RFC 3264 8.4) or a=inactive/recvonly: the peer does not want our audio now.</summary>
    public bool SendingPaused { get; init; }
}
