namespace SelfService.Sip;

public enum SipWireDirection
{
    Received,
    Sent,
}
