using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.DirectLine.Protocol;
using SelfService.Channels.DirectLine.Transcript;

namespace SelfService.Channels.DirectLine.Streaming;

/// <summary>
/// The transcripts and the sockets that watch them, kept in step: appending an activity and pushing it happen under one
/// lock, and so do attaching a socket and reading its backlog, so a socket gets every activity after its watermark once,
/// in order. One socket per conversation: a new one takes over and the old one is closed with "collision".
/// </summary>
public sealed partial class ConversationStreams(
    DirectLineTranscripts transcripts, ActivityMapper mapper, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationStreams> logger)
{
    public const string CollisionReason = "collision";
    private const int BacklogPage = 100;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConversationStream> _streams = new(StringComparer.Ordinal);

    // Striped, so the number of locks stays fixed however many conversations there are.
    private readonly SemaphoreSlim[] _arrivals = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// Held while a user's message is accepted and echoed, and while a bot reply is added: the command processor may
    /// answer before the echo is in the transcript (it runs as soon as the message is accepted), and the reply must come
    /// after the echo and point at it (replyToId), as clients match answers to questions by it.
    /// </summary>
    public async Task<IDisposable> ArrivalAsync(string conversationId, CancellationToken cancellationToken)
    {
        var gate = _arrivals[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_arrivals.Length)];
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    /// <summary>Appends to the transcript (idempotently, by key) and pushes a new activity to the conversation's socket.</summary>
    public (DirectLineActivityRecord Stored, bool Added) Append(DirectLineActivityRecord activity)
    {
        lock (_gate)
        {
            var (stored, added) = transcripts.Append(activity);
            if (added && _streams.TryGetValue(stored.ConversationId, out var stream))
                stream.TryEnqueue(ActivityMapper.ToSet([stored], stored.Seq));
            return (stored, added);
        }
    }

    /// <summary>Shows the typing indicator on the conversation's socket, if one is open (typing travels only there).</summary>
    public void PushTyping(string conversationId)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(conversationId, out var stream))
                stream.TryEnqueue(new ActivitySet([mapper.Typing(conversationId, time.GetUtcNow())], null));
        }
    }

    /// <summary>Serves an accepted WebSocket for the conversation until it ends, starting after <paramref name="watermark"/>.</summary>
    public async Task ServeAsync(string conversationId, WebSocket socket, long watermark, CancellationToken stopping)
    {
        var settings = options.Value;
        var stream = new ConversationStream(socket, settings.StreamQueueCapacity, settings.StreamSendTimeout, time);
        lock (_gate)
        {
            if (_streams.Remove(conversationId, out var previous))
            {
                previous.Close(WebSocketCloseStatus.PolicyViolation, CollisionReason);
                LogCollision(conversationId);
            }
            _streams[conversationId] = stream;
            for (var after = watermark; ;)
            {
                var page = transcripts.After(conversationId, after, BacklogPage);
                if (page.Count == 0 || !stream.TryEnqueue(ActivityMapper.ToSet(page, after))) break;
                after = page[^1].Seq;
            }
        }
        LogOpened(conversationId, watermark);
        try
        {
            await stream.RunAsync(stopping);
        }
        finally
        {
            lock (_gate)
            {
                if (_streams.TryGetValue(conversationId, out var current) && current == stream) _streams.Remove(conversationId);
            }
            LogClosed(conversationId, stream.EndReason ?? "ended");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream opened for {ConversationId} after watermark {Watermark}")]
    private partial void LogOpened(string conversationId, long watermark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line stream of {ConversationId} ended: {Reason}")]
    private partial void LogClosed(string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A second Direct Line stream for {ConversationId} took over; the first was closed with 'collision'")]
    private partial void LogCollision(string conversationId);
}
