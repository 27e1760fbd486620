using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels;

namespace SelfService.Pipeline;

/// <summary>
/// Sends what the outbox holds through the channel adapters, retrying with exponential backoff. Only this class
/// decides about retries; adapters classify their failures. A channel with no adapter keeps its messages pending,
/// so they go out once that channel is configured.
/// Writes are batched: due messages are marked <see cref="OutboxState.Sending"/> in one transaction, sent
/// concurrently (an SMSC window is only useful when it is kept full), and their outcomes saved in batches.
/// </summary>
public sealed partial class OutboxDispatcher(
    MessageStore store, ChannelRegistry channels, PipelineMetrics metrics, IOptions<PipelineOptions> options, TimeProvider time,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 256;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim _sendSlots = new(options.Value.MaxConcurrentSends, options.Value.MaxConcurrentSends);
    private readonly Channel<OutboxRecord> _outcomes = Channel.CreateUnbounded<OutboxRecord>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>New messages are queued: look now instead of at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = store.RecoverInterruptedSends(channel => channels.ProfileOf(channel).IdempotentSends, time.GetUtcNow());
        if (recovered > 0) LogRecovered(recovered);
        var saving = SaveOutcomesAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await StartDueSendsAsync(stoppingToken) == BatchSize) continue;
                await _wake.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogDispatchLoopFailed(ex);
                await Task.Delay(options.Value.OutboxPollInterval, stoppingToken);
            }
        }
        _outcomes.Writer.TryComplete();
        await saving;
    }

    /// <summary>One whole pass, for tests: sends everything due now, waits for the sends and saves their outcomes.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = store.DueForSending(time.GetUtcNow(), BatchSize);
        store.MarkSending(due);
        await Task.WhenAll(due.Select(record => SendOneAsync(record, cancellationToken)));
        SaveAvailableOutcomes();
        return due.Count;
    }

    /// <summary>Marks what is due as sending and starts each send as a slot frees up; returns how many it started.</summary>
    private async Task<int> StartDueSendsAsync(CancellationToken cancellationToken)
    {
        var due = store.DueForSending(time.GetUtcNow(), BatchSize);
        store.MarkSending(due);
        foreach (var record in due)
        {
            await _sendSlots.WaitAsync(cancellationToken);
            _ = SendInSlotAsync(record, cancellationToken);
        }
        return due.Count;
    }

    private async Task SendInSlotAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await SendOneAsync(record, cancellationToken);
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    private async Task SendOneAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        var adapter = channels.Find(record.Channel);
        SendResult result;
        if (adapter is null)
            result = SendResult.Retry($"no adapter is configured for channel '{record.Channel}'");
        else
        {
            try
            {
                result = await adapter.SendAsync(MessageStore.ToMessage(record), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;   // left as Sending: the next start decides
            }
            catch (Exception ex)
            {
                // Adapters should classify, not throw; an unexpected throw is treated as retryable.
                LogAdapterThrew(ex, record.Channel, record.Id);
                result = SendResult.Retry(ex.Message);
            }
        }
        Apply(record, result, adapter is null);
        _outcomes.Writer.TryWrite(record);
    }

    private void Apply(OutboxRecord record, SendResult result, bool noAdapter)
    {
        var now = time.GetUtcNow();
        record.Attempts++;
        switch (result.Status)
        {
            case SendStatus.Sent:
                record.State = OutboxState.Sent;
                record.SentAt = now;
                record.LastError = result.Error;   // a note, e.g. "unconfirmed"
                metrics.Sent(record.Channel, "sent");
                break;
            case SendStatus.RetryableFailure when noAdapter || record.Attempts < options.Value.MaxSendAttempts:
                record.State = OutboxState.Pending;
                record.NextAttemptAt = now + (result.RetryAfter ?? Backoff(record.Attempts));
                record.LastError = result.Error;
                metrics.Sent(record.Channel, "retry");
                break;
            default:
                record.State = OutboxState.Failed;
                record.LastError = result.Error;
                metrics.Sent(record.Channel, "failed");
                LogSendFailed(record.Channel, record.Id, result.Error);
                break;
        }
    }

    private async Task SaveOutcomesAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _outcomes.Reader.WaitToReadAsync(CancellationToken.None))
            {
                try
                {
                    SaveAvailableOutcomes();
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDispatchLoopFailed(ex);
                }
            }
        }
        catch (ChannelClosedException)
        {
        }
    }

    private void SaveAvailableOutcomes()
    {
        var batch = new List<OutboxRecord>();
        while (batch.Count < BatchSize && _outcomes.Reader.TryRead(out var record)) batch.Add(record);
        store.SaveOutcomes(batch);
    }

    private TimeSpan Backoff(int attempts)
    {
        var first = options.Value.FirstRetryDelay;
        var delay = first * Math.Pow(2, Math.Min(attempts - 1, 16));
        // Jitter keeps a crowd of failed messages from retrying in lockstep.
        delay *= 0.8 + Random.Shared.NextDouble() * 0.4;
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop failed; it goes on after a pause")]
    private partial void LogDispatchLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} adapter threw for {OutboxId}")]
    private partial void LogAdapterThrew(Exception exception, string channel, string outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up on {Channel} message {OutboxId}: {Error}")]
    private partial void LogSendFailed(string channel, string outboxId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbound messages were being sent when the gateway last stopped")]
    private partial void LogRecovered(int count);
}
