using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SelfService.Gateway.Tests.DirectLine;

/// <summary>The WebSocket stream on the real gateway, with a client that never reads.</summary>
public class DirectLineStreamTests : DirectLineGatewayTest
{
    private const int Flood = 300;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            // The smallest allowed. It was 2 once: the other conversation's one turn queues three sets (its echo, typing,
            // the reply), so under load its healthy socket was dropped whenever its writer had not sent the first yet.
            settings["Channels:DirectLine:StreamQueueCapacity"] = "4";
            // The flood below is one client's 300 posts: this test is about the stream, not the per-address rate limit.
            settings["RateLimits:PostMessage:Burst"] = "1000";
            return settings;
        }
    }

    [Test]
    public async Task Stream_AClientThatNeverReads_IsDroppedAndOtherConversationsAreServed()
    {
        var (stuckConversation, stuckToken) = await NewConversationAsync();
        var (otherConversation, otherToken) = await NewConversationAsync();
        using var stuck = await OpenNeverReadingSocketAsync(await StreamUrlAsync(stuckConversation, stuckToken));
        using var other = new ClientWebSocket();
        await other.ConnectAsync(new Uri(await StreamUrlAsync(otherConversation, otherToken)), CancellationToken.None);

        // Each echo is ~20 KB (10,001 Cyrillic letters, answered "too long" at once): megabytes the stuck client never takes.
        var longText = new string('ж', 10_001);
        for (var i = 0; i < Flood; i++)
        {
            using var posted = await PostActivityAsync(stuckConversation, stuckToken, Message(longText));
            posted.EnsureSuccessStatusCode();
        }
        using var asked = await PostActivityAsync(otherConversation, otherToken, Message("Как пополнить баланс?"));
        var askedId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var reply = await ReceiveReplyAsync(other, askedId);
        var (received, ended) = ReadWhatIsLeft(stuck);

        Assert.That(reply.GetProperty("text").GetString(), Does.StartWith("## Как пополнить баланс"));
        Assert.That(ended, Is.True, "the gateway dropped the socket that never read");
        Assert.That(received, Is.LessThan(Flood * 20_000L), "it did not get everything: the server gave up on it");
        Assert.That((await ActivitiesAsync(stuckConversation, stuckToken)).GetProperty("activities").GetArrayLength(), Is.EqualTo(100),
            "the transcript kept every message for the client's resume (first page of 100)");
    }

    private async Task<string> StreamUrlAsync(string conversationId, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=0", token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
    }

    /// <summary>A WebSocket handshake by hand on a socket with a small receive buffer, after which nothing is read.</summary>
    private static async Task<Socket> OpenNeverReadingSocketAsync(string streamUrl)
    {
        var uri = new Uri(streamUrl);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(uri.Host, uri.Port);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                      $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await socket.ReceiveAsync(one) == 1) head.Append((char)one[0]);
        Assert.That(head.ToString(), Does.StartWith("HTTP/1.1 101"));
        return socket;
    }

    /// <summary>Reads what the socket still holds; ended is true when the server closed or reset it (false: data stopped, socket open).</summary>
    private static (long Received, bool Ended) ReadWhatIsLeft(Socket socket)
    {
        socket.ReceiveTimeout = 10_000;
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = socket.Receive(buffer)) > 0) total += read;
            return (total, true);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return (total, true);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return (total, false);
        }
    }

    private static async Task<JsonElement> ReceiveReplyAsync(ClientWebSocket socket, string replyTo)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            } while (!received.EndOfMessage);
            if (message.Length == 0) continue;
            var set = JsonDocument.Parse(message.ToArray()).RootElement;
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
                if (activity.TryGetProperty("replyToId", out var id) && id.GetString() == replyTo) return activity.Clone();
        }
    }
}
