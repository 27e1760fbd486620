namespace SelfService.Sip;

/// <summary>Header names, their compact forms (RFC 3261 7.3.3 and later RFCs) and which ones hold comma-separated lists.</summary>
public static class SipHeaderNames
{
    public const string Accept = "Accept";
    public const string Allow = "Allow";
    public const string CallId = "Call-ID";
    public const string Contact = "Contact";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string From = "From";
    public const string MaxForwards = "Max-Forwards";
    public const string RecordRoute = "Record-Route";
    public const string Route = "Route";
    public const string Supported = "Supported";
    public const string To = "To";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Via = "Via";
    public const string Warning = "Warning";

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = CallId, ["m"] = Contact, ["e"] = "Content-Encoding", ["l"] = ContentLength, ["c"] = ContentType,
        ["f"] = From, ["s"] = "Subject", ["k"] = Supported, ["t"] = To, ["v"] = Via, ["o"] = "Event",
        ["u"] = "Allow-Events", ["r"] = "Refer-To", ["b"] = "Referred-By", ["x"] = "Session-Expires",
        ["a"] = "Accept-Contact", ["j"] = "Reject-Contact", ["d"] = "Request-Disposition", ["y"] = "Identity",
        ["n"] = "Identity-Info",
        [Accept] = Accept, [Allow] = Allow, [CallId] = CallId, [Contact] = Contact, [ContentLength] = ContentLength,
        [ContentType] = ContentType, [CSeq] = CSeq, [From] = From, [MaxForwards] = MaxForwards, [RecordRoute] = RecordRoute,
        [Route] = Route, [Supported] = Supported, [To] = To, [UserAgent] = UserAgent, [Server] = Server, [Via] = Via,
        [Warning] = Warning, ["Subject"] = "Subject", ["Content-Encoding"] = "Content-Encoding", ["Require"] = "Require",
        ["Proxy-Require"] = "Proxy-Require", ["Unsupported"] = "Unsupported", ["Expires"] = "Expires", ["Date"] = "Date",
    };

    // Headers whose grammar is a comma-separated list (RFC 3261 7.3.1): several lines and one line with commas mean the same.
    private static readonly HashSet<string> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        Via, Contact, Route, RecordRoute, Allow, Supported, Accept, "Require", "Proxy-Require", "Unsupported",
        "Accept-Encoding", "Accept-Language", "Content-Encoding", "Allow-Events", Warning,
    };

    // Headers a message may carry once only.
    private static readonly HashSet<string> Singletons = new(StringComparer.OrdinalIgnoreCase)
    {
        To, From, CallId, CSeq, MaxForwards, ContentType, "Expires",
    };

    /// <summary>The canonical long form of a header name ("v" and "VIA" become "Via"); unknown names are kept as written.</summary>
    public static string Normalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;

    public static bool IsList(string name) => Lists.Contains(name);

    public static bool IsSingleton(string name) => Singletons.Contains(name);
}
