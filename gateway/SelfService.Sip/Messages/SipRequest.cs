namespace SelfService.Sip;

/// <summary>A SIP request: "METHOD Request-URI SIP/2.0".</summary>
public sealed class SipRequest(string method, SipUri requestUri) : SipMessage
{
    public string Method { get; } = method;
    public SipUri RequestUri { get; set; } = requestUri;

    public int? MaxForwards
    {
        get
        {
            var value = Headers.Get(SipHeaderNames.MaxForwards);
            return value is null ? null : (int)SipGrammar.ParseNumber(value, 255, "Max-Forwards");
        }
    }

    protected override string StartLine => $"{Method} {RequestUri} SIP/2.0";
}
