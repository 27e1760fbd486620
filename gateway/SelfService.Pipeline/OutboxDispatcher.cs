using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels;

namespace SelfService.Pipeline;

/// <summary>
/// Sends what the outbox holds through the channel adapters, retrying with exponential backoff. Only this
/// class decides about retries; adapters classify their failures. A channel with no adapter keeps its
/// messages pending, so they go out once that channel is configured.
/// </summary>
public sealed partial class OutboxDispatcher(
    MessageStore store, ChannelRegistry channels, IOptions<PipelineOptions> options, TimeProvider time, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 256;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    /// <summary>New messages are queued: look now instead of at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchDueAsync(stoppingToken) == BatchSize) continue;
                await _wake.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchLoopFailed(ex);
                await Task.Delay(options.Value.OutboxPollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One pass: sends every message that is due now; returns how many it tried.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = store.DueForSending(time.GetUtcNow(), BatchSize);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (record, token) => await SendOneAsync(record, token));
        return due.Count;
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
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Adapters should classify, not throw; an unexpected throw is treated as retryable.
                LogAdapterThrew(ex, record.Channel, record.Id);
                result = SendResult.Retry(ex.Message);
            }
        }

        var now = time.GetUtcNow();
        record.Attempts++;
        switch (result.Status)
        {
            case SendStatus.Sent:
                record.State = OutboxState.Sent;
                record.SentAt = now;
                record.LastError = null;
                break;
            case SendStatus.RetryableFailure when adapter is null || record.Attempts < options.Value.MaxSendAttempts:
                record.NextAttemptAt = now + (result.RetryAfter ?? Backoff(record.Attempts));
                record.LastError = result.Error;
                break;
            default:
                record.State = OutboxState.Failed;
                record.LastError = result.Error;
                LogSendFailed(record.Channel, record.Id, result.Error);
                break;
        }
        store.UpdateOutbox(record);
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
}
