using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels;
using SelfService.Commands;
using SelfService.Messaging;
using SelfService.Storage.Leases;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline;

/// <summary>
/// Runs accepted messages through the command processor. Messages are partitioned by sender so one customer's messages
/// run in order (YES after ACT), different customers in parallel. Everything a message changes — the processed mark,
/// the conversation, the customer, the history and the replies — is stored in one commit, and only then do the replies
/// go to the outbox dispatcher and the desk hear of it. A crash before that commit re-runs the message; after it,
/// nothing is left to do.
/// </summary>
public sealed partial class CommandWorkers(
    InboundPipeline pipeline, IInboundLog log, CommandProcessor processor, ChannelRegistry channels, OutboxDispatcher outbox,
    PipelineMetrics metrics, IOptions<PipelineOptions> options, TimeProvider time, ILogger<CommandWorkers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var partitions = Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => Channel.CreateUnbounded<InboundRecord>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
        var workers = partitions.Select(p => RunPartitionAsync(p.Reader, stoppingToken)).ToList();
        var recovery = RecoverAsync(stoppingToken);

        try
        {
            await foreach (var record in pipeline.Queue.ReadAllAsync(stoppingToken))
            {
                var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(record.SenderAddress) % (uint)partitions.Length);
                partitions[partition].Writer.TryWrite(record);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        foreach (var partition in partitions) partition.Writer.TryComplete();
        await Task.WhenAll(workers);
        await recovery;
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            var recovered = await pipeline.RequeueUnprocessedAsync(stoppingToken);
            if (recovered > 0) LogRecovered(recovered);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogRecoveryFailed(ex);
        }
    }

    private async Task RunPartitionAsync(ChannelReader<InboundRecord> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var record in reader.ReadAllAsync(stoppingToken))
                await ProcessOneAsync(record, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessOneAsync(InboundRecord record, CancellationToken stoppingToken)
    {
        metrics.Stage("queued", time.GetUtcNow() - record.ReceivedAt);
        var message = new InboundMessage(record.Id, record.Channel, record.ChannelMessageId, record.SenderAddress, null, record.Text,
            record.LanguageHint, record.SessionId, record.ReceivedAt) { VouchedMsisdn = record.VouchedMsisdn, ClientAddress = record.ClientAddress };
        try
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await processor.ProcessAsync(message, channels.ProfileOf(record.Channel), stoppingToken);
            var now = time.GetUtcNow();
            var replies = outcome.Replies.Select((reply, i) => new OutboxRecord
            {
                Id = record.Id + ":" + i.ToString(CultureInfo.InvariantCulture),
                Channel = reply.Channel, Address = reply.Address, SessionId = reply.SessionId,
                Text = ReplySizer.Fit(reply.Reply, channels.ProfileOf(reply.Channel)),
                Choices = [.. reply.Reply.Choices ?? []], InReplyTo = record.Id, CustomerId = outcome.Message.CustomerId,
                State = OutboxState.Pending, CreatedAt = now, NextAttemptAt = now + OutboxDispatcher.InMemoryLease,
            }).ToList();
            var processed = Stopwatch.GetTimestamp();
            metrics.Stage("process", Stopwatch.GetElapsedTime(started, processed));

            await log.CompleteAsync(new ProcessingCommit(
                record.Id, outcome.Kind.ToString(), now, outcome.Conversation, outcome.Customers, outcome.History, replies)
            {
                Fence = record.AcceptedOnLease is { } lease ? new LeaseFence(lease, record.AcceptedOnToken) : null,
            }, stoppingToken);
            metrics.Stage("commit", Stopwatch.GetElapsedTime(processed));

            processor.Committed(outcome);
            metrics.Processed(record.Channel, outcome.Kind.ToString());
            outbox.Send(replies);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left as accepted: the next start runs it.
        }
        catch (StaleLeaseException ex)
        {
            // Another instance took over the connection this message came in on, and runs it: nothing of it was stored here.
            LogLeftToNewOwner(record.Id, ex.Fence.Name);
        }
        catch (Exception ex)
        {
            // A bug in a handler, or the store failing: the worker goes on with the sender's next message, and this one
            // is tried again after a pause, until it is parked with its reason.
            LogProcessingFailed(ex, record.Id, record.Channel);
            await RetryOrParkAsync(record, ex, stoppingToken);
        }
    }

    private async Task RetryOrParkAsync(InboundRecord record, Exception failure, CancellationToken stoppingToken)
    {
        try
        {
            var reason = failure.GetType().Name + ": " + failure.Message;
            if (await log.RecordFailureAsync(record.Id, reason, options.Value.MaxProcessingAttempts, stoppingToken))
            {
                LogParked(record.Id, record.Channel, reason);
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is failing too: the message stays accepted, and is tried again below and on the next start.
            LogProcessingFailed(ex, record.Id, record.Channel);
        }
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.Value.ProcessingRetryDelay, time, stoppingToken);
            await pipeline.RequeueAsync(record, stoppingToken);
        }, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} is left to the instance that took over {Lease}: this one lost the lease")]
    private partial void LogLeftToNewOwner(string messageId, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} accepted messages that were not processed before the last stop")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovering the messages accepted before the last stop failed; they run on the next start")]
    private partial void LogRecoveryFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {MessageId} from {Channel} failed")]
    private partial void LogProcessingFailed(Exception exception, string messageId, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from {Channel} is parked after repeated failures: {Reason}")]
    private partial void LogParked(string messageId, string channel, string reason);
}
