using System.Net;

namespace SelfService.Sip;

/// <summary>
/// A server transaction (RFC 3261 17.2): the request, where responses go, and the last response sent, which a
/// retransmitted request gets again. An INVITE's final error response is retransmitted until the ACK (timers G, H).
/// </summary>
// Its CancellationTokenSource has no timer (never CancelAfter), so it holds nothing to release; its token must stay
// usable by whoever still holds it after the end, which disposing would break.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A timer-less CancellationTokenSource holds no resources.")]
internal sealed class ServerTransaction(string key, SipRequest request, IPEndPoint responseTarget)
{
    private readonly CancellationTokenSource acknowledged = new();

    public string Key { get; } = key;
    public SipRequest Request { get; } = request;
    public IPEndPoint ResponseTarget { get; } = responseTarget;
    public bool IsInvite => Request.Method == SipMethods.Invite;
    public SipResponse? LastResponse { get; set; }
    public SipCall? Call { get; set; }
    public bool HasFinalResponse => LastResponse is { StatusCode: >= 200 };

    /// <summary>Cancelled by the ACK of a final error response: stops timer G.</summary>
    public CancellationToken Acknowledged => acknowledged.Token;

    public void OnAck()
    {
        try
        {
            acknowledged.Cancel();
        }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// The key that matches retransmissions, the ACK of an error and a CANCEL to this transaction (RFC 3261 17.2.3):
    /// branch and sent-by for RFC 3261 clients; for RFC 2543 ones the Call-ID, CSeq, From tag and top Via.
    /// </summary>
    public static string KeyOf(SipRequest request)
    {
        var via = request.TopVia;
        var method = request.Method is SipMethods.Ack ? SipMethods.Invite : request.Method;
        if (via.Branch is { } branch && branch.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal))
            return $"{branch}|{via.SentBy}|{method}";
        return $"2543|{request.CallId}|{request.CSeq.Number}|{request.From.Tag}|{via}|{method}";
    }

    /// <summary>The same key with another method: a CANCEL finds its INVITE with it.</summary>
    public static string KeyOf(SipRequest request, string method)
    {
        var key = KeyOf(request);
        return key[..key.LastIndexOf('|')] + "|" + method;
    }
}
