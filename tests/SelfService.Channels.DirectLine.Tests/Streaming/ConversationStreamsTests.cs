using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.Channels.DirectLine.Streaming;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;

namespace SelfService.Channels.DirectLine.Tests.Streaming;

/// <summary>The stream side of Direct Line over real WebSockets on loopback TCP (server and client built from the sockets).</summary>
public class ConversationStreamsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private LiteStorage _storage = null!;
    private DirectLineTranscripts _transcripts = null!;
    private ConversationStreams _streams = null!;
    private ActivityMapper _mapper = null!;
    private CancellationTokenSource _stop = null!;

    [SetUp]
    public void Open()
    {
        _stop = new CancellationTokenSource();
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        _transcripts = new DirectLineTranscripts(_storage.DirectLineTranscripts);
        _mapper = new ActivityMapper("selfservice", "SelfService");
        var options = Options.Create(new DirectLineOptions { StreamQueueCapacity = 4, StreamSendTimeout = TimeSpan.FromSeconds(5) });
        _streams = new ConversationStreams(_transcripts, _mapper, options, TimeProvider.System, NullLogger<ConversationStreams>.Instance);
    }

    [TearDown]
    public void Close()
    {
        _stop.Cancel();
        _stop.Dispose();
        _storage.Dispose();
    }

    private DirectLineActivityRecord Bot(string key, string conversation, string text) =>
        _mapper.BotRecord(key, conversation, text, [], null, DateTimeOffset.UnixEpoch);

    [Test]
    public async Task Serve_SendsTheBacklogAfterTheWatermarkThenEachNewActivityOnce()
    {
        var conversation = await _transcripts.CreateConversationAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var (first, _) = await _streams.AppendAsync(Bot("k1", conversation, "one"), CancellationToken.None);
        await _streams.AppendAsync(Bot("k2", conversation, "two"), CancellationToken.None);
        await using var link = await SocketPair.OpenAsync();

        var serving = _streams.ServeAsync(conversation, link.Server, first.Seq, _stop.Token);
        var backlog = await ReceiveSetAsync(link.Client);
        await _streams.AppendAsync(Bot("k3", conversation, "three"), CancellationToken.None);
        await _streams.AppendAsync(Bot("k3", conversation, "three again"), CancellationToken.None);
        await _streams.AppendAsync(Bot("k4", conversation, "four"), CancellationToken.None);
        var live = new[] { await ReceiveSetAsync(link.Client), await ReceiveSetAsync(link.Client) };

        Assert.That(Texts(backlog), Is.EqualTo(new[] { "two" }));
        Assert.That(live.SelectMany(Texts), Is.EqualTo(new[] { "three", "four" }));
        Assert.That(live.Select(s => long.Parse(s.GetProperty("watermark").GetString()!)), Is.Ordered.Ascending);
        await link.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await serving.WaitAsync(Patience);
    }

    [Test]
    public async Task Serve_ASecondSocket_ClosesTheFirstWithCollision()
    {
        var conversation = await _transcripts.CreateConversationAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        await using var first = await SocketPair.OpenAsync();
        await using var second = await SocketPair.OpenAsync();

        var servingFirst = _streams.ServeAsync(conversation, first.Server, 0, _stop.Token);
        var servingSecond = _streams.ServeAsync(conversation, second.Server, 0, _stop.Token);
        var closed = await first.Client.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(Patience);
        await first.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await servingFirst.WaitAsync(Patience);
        await _streams.AppendAsync(Bot("k1", conversation, "to the second"), CancellationToken.None);

        Assert.That((closed.MessageType, first.Client.CloseStatusDescription), Is.EqualTo((WebSocketMessageType.Close, ConversationStreams.CollisionReason)));
        Assert.That(Texts(await ReceiveSetAsync(second.Client)), Is.EqualTo(new[] { "to the second" }));
        await second.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await servingSecond.WaitAsync(Patience);
    }

    [Test]
    public async Task Serve_TypingGoesOnlyToTheSocket()
    {
        var conversation = await _transcripts.CreateConversationAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        await using var link = await SocketPair.OpenAsync();
        var serving = _streams.ServeAsync(conversation, link.Server, 0, _stop.Token);

        _streams.PushTyping(conversation);
        var set = await ReceiveSetAsync(link.Client);

        Assert.That(set.GetProperty("activities")[0].GetProperty("type").GetString(), Is.EqualTo("typing"));
        Assert.That(set.TryGetProperty("watermark", out _), Is.False);
        Assert.That(await _transcripts.AfterAsync(conversation, 0, CancellationToken.None), Is.Empty);
        await link.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await serving.WaitAsync(Patience);
    }

    [Test]
    public async Task Serve_AClientThatNeverReads_IsDroppedAndOthersGoOn()
    {
        var stuckConversation = await _transcripts.CreateConversationAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var otherConversation = await _transcripts.CreateConversationAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var stalled = new StalledStream();
        var stuck = WebSocket.CreateFromStream(stalled, new WebSocketCreationOptions { IsServer = true });
        await using var other = await SocketPair.OpenAsync();
        var servingStuck = _streams.ServeAsync(stuckConversation, stuck, 0, _stop.Token);
        var servingOther = _streams.ServeAsync(otherConversation, other.Server, 0, _stop.Token);

        // One set is stuck in the socket's send, the queue holds 4 more; the next one overflows it.
        for (var i = 0; i < 6; i++) await _streams.AppendAsync(Bot("stuck" + i, stuckConversation, "x" + i), CancellationToken.None);
        await servingStuck.WaitAsync(Patience);
        await _streams.AppendAsync(Bot("other", otherConversation, "still served"), CancellationToken.None);

        Assert.That(stuck.State, Is.EqualTo(WebSocketState.Aborted));
        Assert.That(stalled.Disposed, Is.True);
        Assert.That(Texts(await ReceiveSetAsync(other.Client)), Is.EqualTo(new[] { "still served" }));
        Assert.That(await _transcripts.AfterAsync(stuckConversation, 0, CancellationToken.None), Has.Count.EqualTo(6), "the transcript keeps everything for the resume");
        await other.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await servingOther.WaitAsync(Patience);
    }

    private static IEnumerable<string> Texts(JsonElement set) =>
        set.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()!);

    private static async Task<JsonElement> ReceiveSetAsync(WebSocket client)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        WebSocketReceiveResult received;
        do
        {
            received = await client.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Patience);
            message.Write(buffer, 0, received.Count);
        } while (!received.EndOfMessage);
        Assert.That(received.MessageType, Is.EqualTo(WebSocketMessageType.Text), Encoding.UTF8.GetString(message.ToArray()));
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    /// <summary>A connected server/client WebSocket pair over loopback TCP.</summary>
    private sealed class SocketPair : IAsyncDisposable
    {
        private readonly TcpClient _tcpClient;
        private readonly Socket _tcpServer;

        private SocketPair(TcpClient tcpClient, Socket tcpServer)
        {
            _tcpClient = tcpClient;
            _tcpServer = tcpServer;
            Server = WebSocket.CreateFromStream(new NetworkStream(tcpServer, ownsSocket: true), new WebSocketCreationOptions { IsServer = true });
            Client = WebSocket.CreateFromStream(tcpClient.GetStream(), new WebSocketCreationOptions { IsServer = false });
        }

        public WebSocket Server { get; }
        public WebSocket Client { get; }

        public static async Task<SocketPair> OpenAsync()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var client = new TcpClient();
            var accepting = listener.AcceptSocketAsync();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            return new SocketPair(client, await accepting);
        }

        public ValueTask DisposeAsync()
        {
            Client.Dispose();
            Server.Dispose();
            _tcpClient.Dispose();
            _tcpServer.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A connection whose peer never reads or writes: every read and write waits until the stream is disposed.</summary>
    private sealed class StalledStream : Stream
    {
        private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Disposed => _disposed.Task.IsCompleted;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _disposed.Task.WaitAsync(cancellationToken);
            throw new ObjectDisposedException(nameof(StalledStream));
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _disposed.Task.WaitAsync(cancellationToken);
            throw new ObjectDisposedException(nameof(StalledStream));
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _disposed.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
