namespace SelfService.Sip;

/// <summary>A SIP response: "SIP/2.0 code reason".</summary>
public sealed class SipResponse(int statusCode, string reasonPhrase) : SipMessage
{
    public int StatusCode { get; } = statusCode;
    public string ReasonPhrase { get; } = reasonPhrase;

    public bool IsProvisional => StatusCode < 200;
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>
    /// A response to <paramref name="request"/> with its Via, From, To, Call-ID and CSeq copied (RFC 3261 8.2.6.2);
    /// the caller adds the To tag where one is due.
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reasonPhrase = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase ?? SipStatus.ReasonPhrase(statusCode));
        foreach (var header in request.Headers.Lines)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId or SipHeaderNames.CSeq)
                response.Headers.Add(header.Name, header.Value);
        }
        return response;
    }

    protected override string StartLine => $"SIP/2.0 {StatusCode} {ReasonPhrase}";
}
