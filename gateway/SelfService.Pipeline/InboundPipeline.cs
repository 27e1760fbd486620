using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels;
using SelfService.Messaging;
using SelfService.Pipeline.Statistics;
using SelfService.Storage.Leases;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline;

/// <summary>
/// The sink every adapter hands inbound messages to: persist (deduplicating by channel message id), then queue the
/// stored record for the command workers, in memory. The adapter acknowledges its channel only after
/// <see cref="AcceptAsync"/> returned. The queue is bounded: when the workers fall behind, accepting waits, and so does
/// the channel (an SMSC meets a full window), instead of the heap growing.
/// </summary>
public sealed partial class InboundPipeline : IInboundSink
{
    private readonly IInboundLog _log;
    private readonly PipelineMetrics _metrics;
    private readonly TrafficStatistics _traffic;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundPipeline> _logger;
    private readonly Channel<InboundRecord> _queue;

    public InboundPipeline(IInboundLog log, PipelineMetrics metrics, TrafficStatistics traffic, IOptions<PipelineOptions> options, TimeProvider time, ILogger<InboundPipeline> logger)
    {
        _log = log;
        _metrics = metrics;
        _traffic = traffic;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<InboundRecord>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
        // Whole milliseconds, as stores keep times: a message of this run must not read back as older than its start.
        var now = time.GetUtcNow();
        StartedAt = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Messages received before this are recovered from the store; later ones travel in memory.</summary>
    internal DateTimeOffset StartedAt { get; }

    internal ChannelReader<InboundRecord> Queue => _queue.Reader;

    public async Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var record = new InboundRecord
        {
            Id = message.Id, DedupKey = message.Channel + "|" + message.ChannelMessageId, Channel = message.Channel,
            ChannelMessageId = message.ChannelMessageId, SenderAddress = message.SenderAddress, Text = message.Text,
            LanguageHint = message.Language, VouchedMsisdn = message.VouchedMsisdn, ClientAddress = message.ClientAddress, SessionId = message.SessionId,
            ReceivedAt = message.ReceivedAt, State = InboundState.Accepted,
            AcceptedOnLease = message.Fence?.Lease, AcceptedOnToken = message.Fence?.Token ?? 0,
        };
        var fence = message.Fence is { } held ? new LeaseFence(held.Lease, held.Token) : null;
        var outcome = await _log.AcceptAsync(record, message.RedeliveryWindow, fence, cancellationToken);
        _metrics.Stage("accept", Stopwatch.GetElapsedTime(started));
        _metrics.Accepted(message.Channel, outcome.Duplicate);
        if (outcome.Duplicate)
            LogDuplicate(message.Channel, message.ChannelMessageId, outcome.MessageId);
        else
        {
            _traffic.Count(message.Channel, message.SenderAddress, message.ReceivedAt);
            if (!_queue.Writer.TryWrite(record)) await _queue.Writer.WriteAsync(record, cancellationToken);
        }
        return new AcceptResult(outcome.MessageId, outcome.Duplicate);
    }

    /// <summary>Queues a message again (a retry after a failed attempt).</summary>
    internal ValueTask RequeueAsync(InboundRecord record, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(record, cancellationToken);

    /// <summary>Re-queues messages accepted before this start (a crash or a restart) but never processed.</summary>
    internal async Task<int> RequeueUnprocessedAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var record in await _log.UnprocessedAsync(int.MaxValue, cancellationToken))
        {
            if (record.ReceivedAt >= StartedAt) continue;   // accepted by this run: it is in the queue already
            // Its connection's lease has most likely changed hands since (this very gateway, restarted, took it again with a
            // new token): the commit must not be refused for the old token, or the message would be lost.
            record.AcceptedOnLease = null;
            await _queue.Writer.WriteAsync(record, cancellationToken);
            count++;
        }
        return count;
    }

    /// <summary>
    /// Queues the messages accepted on <paramref name="takenOver"/>'s connection under an earlier token (by an owner that
    /// died or lost the lease) and not processed: this instance holds the connection now, and runs them.
    /// </summary>
    internal async Task<int> RequeueOrphansAsync(ConnectionFence takenOver, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var record in await _log.UnprocessedAsync(int.MaxValue, cancellationToken))
        {
            if (record.AcceptedOnLease != takenOver.Lease || record.AcceptedOnToken >= takenOver.Token) continue;
            // Accepted before this instance started: its start-up recovery (RequeueUnprocessedAsync) runs it already.
            if (record.ReceivedAt < StartedAt) continue;
            // Run under the new token: the commit is refused if this instance loses the connection in turn.
            record.AcceptedOnToken = takenOver.Token;
            await _queue.Writer.WriteAsync(record, cancellationToken);
            count++;
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered {Channel} message {ChannelMessageId} is {MessageId}, already accepted: not run again")]
    private partial void LogDuplicate(string channel, string channelMessageId, string messageId);
}
