using System.Net;
using System.Net.Sockets;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>Clients whose connections come from another loopback address (Linux routes all of 127.0.0.0/8 to lo): another client address.</summary>
internal static class LoopbackAddress
{
    public static HttpClient ClientFrom(string localAddress, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
