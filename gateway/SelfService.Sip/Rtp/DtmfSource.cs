namespace SelfService.Sip;

/// <summary>How a digit arrived.</summary>
public enum DtmfSource
{
    /// <summary>An RFC 4733 (formerly RFC 2833) telephone-event in the RTP stream.</summary>
    Rfc4733,

    /// <summary>A SIP INFO with application/dtmf-relay or application/dtmf.</summary>
    SipInfo,
}
