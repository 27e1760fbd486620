namespace SelfService.Sip;

public enum SipCallState
{
    /// <summary>Inbound: the INVITE is here and unanswered. Outbound: the INVITE is out.</summary>
    Ringing,

    /// <summary>Answered: media flows.</summary>
    Established,

    Ended,
}
