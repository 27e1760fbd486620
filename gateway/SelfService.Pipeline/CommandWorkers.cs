using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels;
using SelfService.Commands;

namespace SelfService.Pipeline;

/// <summary>
/// Runs accepted messages through the command processor and puts the replies in the outbox. Messages are
/// partitioned by sender so one customer's messages run in order (YES after ACT), different customers in parallel.
/// A message is marked processed only after its replies are queued: a crash in between re-runs it, and the
/// deterministic outbox ids keep the re-run from queuing a reply twice.
/// </summary>
public sealed partial class CommandWorkers(
    InboundPipeline pipeline, MessageStore store, CommandProcessor processor, ChannelRegistry channels, OutboxDispatcher outbox,
    PipelineMetrics metrics, IOptions<PipelineOptions> options, TimeProvider time, ILogger<CommandWorkers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var partitions = Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => Channel.CreateUnbounded<QueuedMessage>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
        var workers = partitions.Select(p => RunPartitionAsync(p.Reader, stoppingToken)).ToList();

        var recovered = pipeline.RequeueUnprocessed();
        if (recovered > 0) LogRecovered(recovered);

        try
        {
            await foreach (var queued in pipeline.Queue.ReadAllAsync(stoppingToken))
            {
                var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(queued.SenderAddress) % (uint)partitions.Length);
                partitions[partition].Writer.TryWrite(queued);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        foreach (var partition in partitions) partition.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private async Task RunPartitionAsync(ChannelReader<QueuedMessage> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var queued in reader.ReadAllAsync(stoppingToken))
                await ProcessOneAsync(queued.Id, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessOneAsync(string id, CancellationToken stoppingToken)
    {
        // Read here, in the sender's worker: the same id may have been queued twice (accepted just as recovery ran).
        if (store.GetInbound(id) is not { State: InboundState.Accepted } record) return;
        var message = new InboundMessage(record.Id, record.Channel, record.ChannelMessageId, record.SenderAddress, null, record.Text ?? "",
            record.LanguageHint, record.SessionId, record.ReceivedAt) { VouchedMsisdn = record.VouchedMsisdn, ClientAddress = record.ClientAddress };
        try
        {
            var outcome = await processor.ProcessAsync(message, channels.ProfileOf(record.Channel), stoppingToken);
            var now = time.GetUtcNow();
            var replies = outcome.Replies.Select((reply, i) => new OutboxRecord
            {
                Id = record.Id + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Channel = reply.Channel, Address = reply.Address, SessionId = reply.SessionId,
                Text = ReplySizer.Fit(reply.Reply, channels.ProfileOf(reply.Channel)),
                Choices = [.. reply.Reply.Choices ?? []], InReplyTo = record.Id, CustomerId = outcome.Message.CustomerId,
                State = OutboxState.Pending, CreatedAt = now, NextAttemptAt = now,
            }).ToList();
            store.CompleteProcessing(record.Id, outcome.Kind.ToString(), replies, now);
            metrics.Processed(record.Channel, outcome.Kind.ToString());
            outbox.Wake();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left as accepted: the next start runs it.
        }
        catch (Exception ex)
        {
            // A bug in a handler must not stop the worker; the message stays accepted and is retried on restart.
            LogProcessingFailed(ex, record.Id, record.Channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} accepted messages that were not processed before the last stop")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {MessageId} from {Channel} failed")]
    private partial void LogProcessingFailed(Exception exception, string messageId, string channel);
}
