namespace SelfService.Sip;

public enum SipCallDirection
{
    Inbound,
    Outbound,
}
