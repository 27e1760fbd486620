namespace SelfService.Sip;

/// <summary>
/// A message (or a part of one: a URI, a header value, an SDP body) that does not follow the grammar. The only exception
/// the parsers throw. <see cref="StatusCode"/> is what a server answers: 400, or 505 for another SIP version.
/// </summary>
public sealed class SipParseException : SipException
{
    public SipParseException() : this("malformed SIP message") { }
    public SipParseException(string message) : this(message, 400) { }
    public SipParseException(string message, Exception? innerException) : base(message, innerException) => StatusCode = 400;

    public SipParseException(string message, int statusCode) : base(message) => StatusCode = statusCode;

    /// <summary>400 Bad Request, or 505 Version Not Supported.</summary>
    public int StatusCode { get; }

    /// <summary>For a bad request: its method and its Via, From, To, Call-ID and CSeq lines, to answer it with an error.</summary>
    public string? RequestMethod { get; internal set; }

    public IReadOnlyList<SipHeader> RequestHeaders { get; internal set; } = [];
}
