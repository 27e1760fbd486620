namespace SelfService.Gateway.Hosting;

/// <summary>
/// The client's address as rate limits, logs and the audit trail name it: IPv4 clients of a dual-stack listener arrive
/// as IPv4-mapped IPv6 (::ffff:127.0.0.1) and are written as plain IPv4, so one client has one name everywhere.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The address, or null when the connection has none (an in-memory test server).</summary>
    public static string? Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;
}
