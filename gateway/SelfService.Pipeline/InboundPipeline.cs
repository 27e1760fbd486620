using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SelfService.Channels;

namespace SelfService.Pipeline;

/// <summary>
/// The sink every adapter hands inbound messages to: persist (deduplicating by channel message id), then queue
/// for the command workers. The adapter acknowledges its channel only after <see cref="AcceptAsync"/> returned.
/// </summary>
public sealed partial class InboundPipeline(MessageStore store, PipelineMetrics metrics, ILogger<InboundPipeline> logger) : IInboundSink
{
    private readonly Channel<QueuedMessage> _queue = Channel.CreateUnbounded<QueuedMessage>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<QueuedMessage> Queue => _queue.Reader;

    public Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var result = store.Accept(message);
        metrics.Accepted(message.Channel, result.Duplicate);
        if (result.Duplicate)
            LogDuplicate(message.Channel, message.ChannelMessageId, result.MessageId);
        else
            _queue.Writer.TryWrite(new QueuedMessage(result.MessageId, message.SenderAddress));
        return Task.FromResult(result);
    }

    /// <summary>Re-queues messages accepted before a crash or restart but never processed.</summary>
    internal int RequeueUnprocessed()
    {
        var unprocessed = store.Unprocessed();
        foreach (var message in unprocessed) _queue.Writer.TryWrite(message);
        return unprocessed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered {Channel} message {ChannelMessageId} is {MessageId}, already accepted: not run again")]
    private partial void LogDuplicate(string channel, string channelMessageId, string messageId);
}

/// <summary>An accepted message waiting for a worker: its id, and its sender, which decides the worker.</summary>
internal sealed record QueuedMessage(string Id, string SenderAddress);
