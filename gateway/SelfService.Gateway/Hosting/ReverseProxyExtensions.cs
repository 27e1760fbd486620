using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace SelfService.Gateway.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy every connection comes from the proxy, so rate limits, the USSD allowed sources,
/// lockout and the audit trail would all see one address. "ReverseProxy:KnownProxies" (addresses or networks) names the
/// proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; from anyone else the headers are ignored, because a
/// client could write any address there. Empty (the default): the headers are never read.
/// </summary>
internal static class ReverseProxyExtensions
{
    public const string Section = "ReverseProxy";

    public static WebApplicationBuilder AddGatewayReverseProxy(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = new List<IPNetwork>();
        foreach (var proxy in proxies)
        {
            if (!TryParse(proxy, out var network))
                throw new InvalidOperationException($"{Section}:KnownProxies has \"{proxy}\", which is neither an IP address nor a network (192.0.2.0/24).");
            networks.Add(network);
        }
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET trusts loopback by default; only the configured proxies are trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>Reads forwarded headers from the known proxies only; does nothing when none is configured.</summary>
    public static WebApplication UseGatewayReverseProxy(this WebApplication app)
    {
        if ((app.Configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? []).Length > 0) app.UseForwardedHeaders();
        return app;
    }

    private static bool TryParse(string value, out IPNetwork network)
    {
        if (IPNetwork.TryParse(value, out network)) return true;
        if (!IPAddress.TryParse(value, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
