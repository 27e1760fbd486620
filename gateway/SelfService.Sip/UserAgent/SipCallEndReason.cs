namespace SelfService.Sip;

public enum SipCallEndReason
{
    /// <summary>The call is still up.</summary>
    None,

    /// <summary>The caller (or callee, for outbound calls) sent BYE.</summary>
    RemoteHangUp,

    /// <summary>We sent BYE.</summary>
    LocalHangUp,

    /// <summary>The caller sent CANCEL before the answer (we answered 487).</summary>
    Cancelled,

    /// <summary>We answered with an error status (busy, declined, 488...).</summary>
    Rejected,

    /// <summary>Our 200 was never acknowledged within 64*T1 (RFC 3261 13.3.1.4): we sent BYE.</summary>
    AckTimeout,

    /// <summary>The user agent was stopped.</summary>
    Shutdown,
}
