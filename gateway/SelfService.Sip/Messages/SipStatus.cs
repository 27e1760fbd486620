namespace SelfService.Sip;

/// <summary>Status codes this library sends, with their RFC 3261 reason phrases.</summary>
public static class SipStatus
{
    public const int Trying = 100;
    public const int Ringing = 180;
    public const int Ok = 200;
    public const int BadRequest = 400;
    public const int NotFound = 404;
    public const int MethodNotAllowed = 405;
    public const int RequestTimeout = 408;
    public const int TemporarilyUnavailable = 480;
    public const int CallDoesNotExist = 481;
    public const int BusyHere = 486;
    public const int RequestTerminated = 487;
    public const int NotAcceptableHere = 488;
    public const int ServerInternalError = 500;
    public const int ServiceUnavailable = 503;
    public const int VersionNotSupported = 505;
    public const int Decline = 603;

    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        100 => "Trying",
        180 => "Ringing",
        183 => "Session Progress",
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        415 => "Unsupported Media Type",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        500 => "Server Internal Error",
        503 => "Service Unavailable",
        505 => "Version Not Supported",
        603 => "Decline",
        _ => statusCode switch { < 200 => "Progress", < 300 => "OK", < 400 => "Redirect", < 500 => "Client Error", < 600 => "Server Error", _ => "Global Failure" },
    };
}
