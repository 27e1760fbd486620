using Microsoft.AspNetCore.Diagnostics;

namespace SelfService.Gateway.Hosting;

/// <summary>
/// A request ASP.NET Core rejects as malformed (unreadable JSON, a missing or wrong-typed parameter) gets a 400 problem
/// document saying why. It is the sender's mistake, not the gateway's: it is logged at warning level without a stack
/// trace, and once per client address and minute, so a client that keeps sending garbage cannot flood the log. Anything
/// else is left to the default handler: a 500 and an error with its stack trace, because that is a bug.
/// </summary>
internal sealed partial class MalformedRequestHandler(IProblemDetailsService problems, TimeProvider time, ILogger<MalformedRequestHandler> logger)
    : IExceptionHandler
{
    /// <summary>How often one client address may appear in the log for malformed requests.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private const int MaxTrackedAddresses = 10_000;

    private readonly Dictionary<string, LogWindow> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var address = ClientAddress.Of(context) ?? "unknown";
        if (FirstInInterval(address, out var suppressed))
            LogMalformed(address, context.Request.Method, context.Request.Path, bad.StatusCode, bad.Message, suppressed);
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = bad });
    }

    /// <summary>True when the address has no log entry within the interval; <paramref name="suppressed"/> counts those left out since its last.</summary>
    private bool FirstInInterval(string address, out int suppressed)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_windows.TryGetValue(address, out var window) && now - window.Start < LogInterval)
            {
                window.Suppressed++;
                suppressed = 0;
                return false;
            }
            if (_windows.Count >= MaxTrackedAddresses)
            {
                foreach (var stale in _windows.Where(w => now - w.Value.Start >= LogInterval).Select(w => w.Key).ToList()) _windows.Remove(stale);
            }
            suppressed = window?.Suppressed ?? 0;
            _windows[address] = new LogWindow { Start = now };
            return true;
        }
    }

    private sealed class LogWindow
    {
        public DateTimeOffset Start { get; init; }

        /// <summary>Malformed requests from the address not logged since its last entry.</summary>
        public int Suppressed { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed request from {ClientAddress}: {Method} {Path} answered {StatusCode}: {Reason} ({Suppressed} more from this address since its last entry were not logged)")]
    private partial void LogMalformed(string clientAddress, string method, string path, int statusCode, string reason, int suppressed);
}
