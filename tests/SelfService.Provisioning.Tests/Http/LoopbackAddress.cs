using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>Starts web apps on a loopback port the OS picks, and reads the port back.</summary>
internal static class LoopbackAddress
{
    public const string AnyPort = "http://127.0.0.1:0";

    public static async Task<Uri> StartOnLoopbackAsync(this WebApplication app)
    {
        app.Urls.Clear();
        app.Urls.Add(AnyPort);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single() + "/");
    }

    /// <summary>A port nothing listens on: bound, read and released again.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
