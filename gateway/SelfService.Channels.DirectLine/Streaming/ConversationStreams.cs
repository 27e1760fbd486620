using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.DirectLine.Protocol;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine.Streaming;

/// <summary>
/// The transcripts and the sockets that watch them, kept in step: each socket remembers the last activity it was given
/// (its watermark), and after every append, and when it attaches, it is given what the transcript holds after that, one
/// catch-up at a time. The store numbers activities in commit order, so a read that sees an activity sees every earlier
/// one: a socket gets every activity after its watermark once, in order, however appends and attaches interleave. One
/// socket per conversation: a new one takes over and the old one is closed with "collision".
/// </summary>
public sealed partial class ConversationStreams(
    DirectLineTranscripts transcripts, ActivityMapper mapper, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationStreams> logger)
{
    public const string CollisionReason = "collision";
    private const int BacklogPage = 100;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Watch> _streams = new(StringComparer.Ordinal);

    private readonly KeyedGate _arrivals = new();

    /// <summary>
    /// Held while a user's message is accepted and echoed, and while a bot reply is added: the command processor may
    /// answer before the echo is in the transcript (it runs as soon as the message is accepted), and the reply must come
    /// after the echo and point at it (replyToId), as clients match answers to questions by it.
    /// </summary>
    public Task<IDisposable> ArrivalAsync(string conversationId, CancellationToken cancellationToken) =>
        _arrivals.EnterAsync(conversationId, cancellationToken);

    /// <summary>
    /// A transcript grew here (its conversation id): the conversation's socket may be open on another instance, which is
    /// told (<see cref="DirectLineClusterBridge"/>) and catches it up from the store.
    /// </summary>
    public event Action<string>? Appended;

    /// <summary>Appends to the transcript (idempotently, by key) and pushes a new activity to the conversation's socket.</summary>
    public async Task<(DirectLineActivityRecord Stored, bool Added)> AppendAsync(DirectLineActivityRecord activity, CancellationToken cancellationToken)
    {
        var (stored, added) = await transcripts.AppendAsync(activity, cancellationToken);
        if (!added) return (stored, added);
        Watch? watch;
        lock (_gate) _streams.TryGetValue(stored.ConversationId, out watch);
        if (watch is not null) await CatchUpAsync(watch, stored.Seq, cancellationToken);
        Appended?.Invoke(stored.ConversationId);
        return (stored, added);
    }

    /// <summary>
    /// Gives the socket of <paramref name="conversationId"/>, if it is open here, what its transcript gained elsewhere
    /// (another instance appended); every open socket when null (such news may have been missed).
    /// </summary>
    public async Task CatchUpAsync(string? conversationId, CancellationToken cancellationToken)
    {
        List<Watch> watches;
        lock (_gate)
        {
            watches = conversationId is null ? [.. _streams.Values]
                : _streams.TryGetValue(conversationId, out var watch) ? [watch] : [];
        }
        foreach (var watch in watches) await CatchUpAsync(watch, long.MaxValue, cancellationToken);
    }

    /// <summary>Shows the typing indicator on the conversation's socket, if one is open (typing travels only there).</summary>
    public void PushTyping(string conversationId)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(conversationId, out var watch))
                watch.Stream.TryEnqueue(new ActivitySet([mapper.Typing(conversationId, time.GetUtcNow())], null));
        }
    }

    /// <summary>Serves an accepted WebSocket for the conversation until it ends, starting after <paramref name="watermark"/>.</summary>
    public async Task ServeAsync(string conversationId, WebSocket socket, long watermark, CancellationToken stopping)
    {
        var settings = options.Value;
        var watch = new Watch(conversationId, new ConversationStream(socket, settings.StreamQueueCapacity, settings.StreamSendTimeout, time), watermark);
        lock (_gate)
        {
            if (_streams.Remove(conversationId, out var previous))
            {
                previous.Stream.Close(WebSocketCloseStatus.PolicyViolation, CollisionReason);
                LogCollision(conversationId);
            }
            _streams[conversationId] = watch;
        }
        LogOpened(conversationId, watermark);
        try
        {
            // The backlog: everything after the watermark, including what was appended while the socket attached.
            await CatchUpAsync(watch, long.MaxValue, stopping);
            await watch.Stream.RunAsync(stopping);
        }
        finally
        {
            lock (_gate)
            {
                if (_streams.TryGetValue(conversationId, out var current) && current == watch) _streams.Remove(conversationId);
            }
            LogClosed(conversationId, watch.Stream.EndReason ?? "ended");
        }
    }

    /// <summary>Gives the socket what the transcript holds after what it was given, unless it has <paramref name="seq"/> already.</summary>
    private async Task CatchUpAsync(Watch watch, long seq, CancellationToken cancellationToken)
    {
        await watch.Gate.WaitAsync(cancellationToken);
        try
        {
            while (watch.Delivered < seq)
            {
                var page = await transcripts.AfterAsync(watch.ConversationId, watch.Delivered, BacklogPage, cancellationToken);
                if (page.Count == 0 || !watch.Stream.TryEnqueue(ActivityMapper.ToSet(page, watch.Delivered))) return;
                watch.Delivered = page[^1].Seq;
            }
        }
        finally
        {
            watch.Gate.Release();
        }
    }

    /// <summary>A conversation's socket, the watermark of what it was given, and the turn to give it more.</summary>
    private sealed class Watch(string conversationId, ConversationStream stream, long delivered)
    {
        public string ConversationId { get; } = conversationId;
        public ConversationStream Stream { get; } = stream;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Delivered { get; set; } = delivered;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream opened for {ConversationId} after watermark {Watermark}")]
    private partial void LogOpened(string conversationId, long watermark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line stream of {ConversationId} ended: {Reason}")]
    private partial void LogClosed(string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A second Direct Line stream for {ConversationId} took over; the first was closed with 'collision'")]
    private partial void LogCollision(string conversationId);
}
