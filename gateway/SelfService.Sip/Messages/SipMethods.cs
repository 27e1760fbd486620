namespace SelfService.Sip;

/// <summary>The methods this user agent understands (RFC 3261, and INFO from RFC 6086).</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";

    /// <summary>The Allow header value (NOTIFY only in a dialog: the progress of a REFER we sent).</summary>
    public const string Allowed = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY";
}
