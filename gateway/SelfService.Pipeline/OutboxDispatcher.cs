using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline;

/// <summary>
/// Sends what the outbox holds through the channel adapters, retrying with exponential backoff. Only this class decides
/// about retries; adapters classify their failures. New replies come in memory from the command workers, already stored;
/// the store is read only for retries and for what a previous run left. Outcomes are written through the store's group
/// commit, so a burst of sends costs a few commits, not one each.
/// A channel that is down or not configured keeps its messages waiting without using up their attempts.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutbox store, ChannelRegistry channels, PipelineMetrics metrics, IOptions<PipelineOptions> options, TimeProvider time,
    ILogger<OutboxDispatcher> logger, Statistics.TrafficStatistics? traffic = null)
    : BackgroundService
{
    /// <summary>
    /// Replies handed over in memory are stored due this much later: the store's poll leaves them to the in-memory path,
    /// and picks them up only if that path never recorded an outcome (the gateway stopped).
    /// </summary>
    public static readonly TimeSpan InMemoryLease = TimeSpan.FromMinutes(1);

    private const int BatchSize = 256;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim _sendSlots = new(options.Value.MaxConcurrentSends, options.Value.MaxConcurrentSends);
    private readonly Channel<OutboxRecord> _fresh = Channel.CreateUnbounded<OutboxRecord>(new UnboundedChannelOptions { SingleReader = true });

    // The low-priority lane (campaigns): it may hold at most half the send slots, so a customer who writes during a blast
    // always finds a slot for the answer; the campaign's own pace keeps the channel's window from filling up.
    private readonly Channel<OutboxRecord> _lowPriority = Channel.CreateUnbounded<OutboxRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _lowPrioritySlots = new(Math.Max(1, options.Value.MaxConcurrentSends / 2));

    // Ids being sent or queued to be sent, so the poll never starts a second send of the same message.
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Sends replies that were just stored (their commit has landed).</summary>
    public void Send(IReadOnlyList<OutboxRecord> records)
    {
        foreach (var record in records)
            if (_inFlight.TryAdd(record.Id, 0)) _fresh.Writer.TryWrite(record);
    }

    /// <summary>
    /// Sends stored messages in the low-priority lane (a campaign's): they never take more than half of the send slots, so
    /// replies always find one. Store them due <see cref="InMemoryLease"/> later, as replies are.
    /// </summary>
    public void SendLowPriority(IReadOnlyList<OutboxRecord> records)
    {
        foreach (var record in records)
            if (_inFlight.TryAdd(record.Id, 0)) _lowPriority.Writer.TryWrite(record);
    }

    /// <summary>
    /// A message was not sent because another instance holds its channel's connection (<see cref="IChannelAdapter.HeldElsewhere"/>):
    /// it stays stored, and <see cref="ClusterOutboxHandover"/> tells the others, so the owner sends it now.
    /// </summary>
    public event Action<OutboxRecord>? LeftToOwner;

    // 1 when a pass or a send left a message because its connection is held elsewhere (or not up yet).
    private int _passedOver;

    /// <summary>
    /// Another instance left the stored message <paramref name="outboxId"/> to the owner of its channel's connection: if that
    /// is this instance and the message still waits, it is sent now (once: a message in flight here is not started again).
    /// </summary>
    public async Task SendHandedOverAsync(string outboxId, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(outboxId, cancellationToken);
        if (record is not { State: OutboxState.Pending }) return;
        if (channels.Find(record.Channel) is not { HeldElsewhere: false }) return;
        if (_inFlight.TryAdd(record.Id, 0)) _fresh.Writer.TryWrite(record);
    }

    /// <summary>New messages were stored without being handed over (an agent's reply): look now instead of at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverInterruptedSendsAsync(stoppingToken);
        var fresh = SendFreshAsync(stoppingToken);
        var lowPriority = SendLowPriorityAsync(stoppingToken);
        // What the last run left pending, handed over in memory or not, is due now.
        var horizon = time.GetUtcNow() + InMemoryLease;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await StartDueSendsAsync(horizon, stoppingToken) == BatchSize) continue;
                // Messages passed over because their connection is not held here (yet: a bind comes up after the first pass
                // at start) keep their in-memory lease; until none is, each pass looks that far ahead, so the moment the
                // connection is here they go, not a minute later.
                horizon = time.GetUtcNow() + (Interlocked.Exchange(ref _passedOver, 0) == 1 ? InMemoryLease : TimeSpan.Zero);
                await _wake.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store is failing (a full disk...): try again after a pause; what waits stays stored.
                LogDispatchLoopFailed(ex);
                if (!await PauseAsync(stoppingToken)) break;
            }
        }
        _fresh.Writer.TryComplete();
        _lowPriority.Writer.TryComplete();
        await fresh;
        await lowPriority;
    }

    /// <summary>
    /// Sends <paramref name="records"/> now and returns once each outcome is stored: for a connection's new owner, which sends
    /// what its dead owner left before it lets new messages in, so a customer never gets an old reply after a newer one.
    /// </summary>
    internal async Task SendNowAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        var mine = records.Where(r => _inFlight.TryAdd(r.Id, 0)).ToList();
        await Task.WhenAll(mine.Select(record => SendClaimedAsync(record, cancellationToken)));
    }

    /// <summary>One whole pass over the store, for tests: sends everything due now and waits for the outcomes.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = await ClaimDueAsync(time.GetUtcNow(), cancellationToken);
        await Task.WhenAll(due.Select(record => SendClaimedAsync(record, cancellationToken)));
        return due.Count;
    }

    private async Task<bool> PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.OutboxPollInterval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SendFreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var record in _fresh.Reader.ReadAllAsync(CancellationToken.None))
            {
                await _sendSlots.WaitAsync(stoppingToken);
                _ = SendInSlotAsync(record, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendLowPriorityAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var record in _lowPriority.Reader.ReadAllAsync(CancellationToken.None))
            {
                await _lowPrioritySlots.WaitAsync(stoppingToken);
                await _sendSlots.WaitAsync(stoppingToken);
                _ = SendLowPriorityInSlotAsync(record, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendLowPriorityInSlotAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await SendInSlotAsync(record, cancellationToken);
        }
        finally
        {
            _lowPrioritySlots.Release();
        }
    }

    /// <summary>Starts each due send as a slot frees up; returns how many the store returned.</summary>
    private async Task<int> StartDueSendsAsync(DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var due = await ClaimDueAsync(horizon, cancellationToken);
        foreach (var record in due)
        {
            await _sendSlots.WaitAsync(cancellationToken);
            _ = SendInSlotAsync(record, cancellationToken);
        }
        return due.Count;
    }

    /// <summary>Due records not in flight already, marked as being sent where a send cannot safely be repeated.</summary>
    private async Task<List<OutboxRecord>> ClaimDueAsync(DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var due = new List<OutboxRecord>();
        foreach (var record in await store.DueAsync(horizon, BatchSize, cancellationToken))
        {
            if (channels.Find(record.Channel)?.HeldElsewhere == true) Volatile.Write(ref _passedOver, 1);
            else if (_inFlight.TryAdd(record.Id, 0)) due.Add(record);
        }
        await MarkSendingAsync(due, cancellationToken);
        return due;
    }

    private async Task SendInSlotAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await SendClaimedAsync(record, cancellationToken);
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    /// <summary>Sends a record this dispatcher claimed (it is in <see cref="_inFlight"/>) and stores the outcome.</summary>
    private async Task SendClaimedAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        try
        {
            if (channels.Find(record.Channel)?.HeldElsewhere == true)
            {
                // Another instance holds the connection: no attempt here, and nothing written (marking it as being sent
                // would hide it from the owner, which sends only what waits).
                LogLeftToOwner(record.Channel, record.Id);
                Volatile.Write(ref _passedOver, 1);
                LeftToOwner?.Invoke(record);
                return;
            }
            await MarkSendingAsync([record], cancellationToken);
            await SendOneAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store failed to take the outcome: the record stays as stored, and a later poll sends it again.
            LogDispatchLoopFailed(ex);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _inFlight.TryRemove(record.Id, out _);
        }
    }

    /// <summary>
    /// A send that cannot be repeated without the customer seeing it twice is marked before it starts: found so after a
    /// crash, it is not sent again. Idempotent channels skip the write.
    /// </summary>
    private async Task MarkSendingAsync(List<OutboxRecord> records, CancellationToken cancellationToken)
    {
        var marked = records.Where(r => !channels.ProfileOf(r.Channel).IdempotentSends && r.State != OutboxState.Sending).ToList();
        foreach (var record in marked) record.State = OutboxState.Sending;
        await store.SaveAsync(marked, cancellationToken);
    }

    private async Task SendOneAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var adapter = channels.Find(record.Channel);
        SendResult result;
        if (adapter is null)
        {
            result = SendResult.Unavailable($"no adapter is configured for channel '{record.Channel}'");
        }
        else
        {
            try
            {
                result = await adapter.SendAsync(ToMessage(record), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;   // left as it is: the next start decides
            }
            catch (Exception ex)
            {
                // Adapters should classify, not throw; an unexpected throw is treated as retryable.
                LogAdapterThrew(ex, record.Channel, record.Id);
                result = SendResult.Retry(ex.Message);
            }
        }
        metrics.Stage("send", Stopwatch.GetElapsedTime(started));
        if (result.Status != SendStatus.Sent && adapter?.HeldElsewhere == true)
        {
            // Another instance owns the channel's connection now: it sends this (after taking the connection over, what
            // was left is due at once); writing our failed attempt could overwrite its outcome.
            LogLeftToOwner(record.Channel, record.Id);
            Volatile.Write(ref _passedOver, 1);
            LeftToOwner?.Invoke(record);
            return;
        }
        Apply(record, result);
        await store.SaveAsync([record], cancellationToken);
    }

    private void Apply(OutboxRecord record, SendResult result)
    {
        var now = time.GetUtcNow();
        foreach (var part in result.Parts ?? [])
        {
            record.Parts.Add(new SentPart
            {
                Part = part.Part, Parts = part.Parts, ChannelMessageId = part.ChannelMessageId, MatchKeys = [.. part.MatchKeys], SubmittedAt = now,
            });
            record.MatchKeys.AddRange(part.MatchKeys);
        }
        if (result.Status != SendStatus.ChannelUnavailable) record.Attempts++;
        switch (result.Status)
        {
            case SendStatus.Sent:
                record.State = OutboxState.Sent;
                record.SentAt = now;
                record.LastError = result.Error;   // a note, e.g. "unconfirmed"
                metrics.Sent(record.Channel, "sent");
                // The dashboard shows campaign traffic apart from what self-service and agents send.
                traffic?.CountOutbound(record.Channel, CampaignRecipient.IsCampaignOutboxId(record.Id), now);
                break;
            case SendStatus.ChannelUnavailable:
                // Waiting for the channel is no failure of the message: it goes once the channel is back.
                record.State = OutboxState.Pending;
                record.NextAttemptAt = now + options.Value.FirstRetryDelay;
                record.LastError = result.Error;
                metrics.Sent(record.Channel, "waiting");
                break;
            case SendStatus.RetryableFailure when record.Attempts < options.Value.MaxSendAttempts:
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

    /// <summary>
    /// After a crash: messages caught in <see cref="OutboxState.Sending"/> are sent again where the channel shows a
    /// message once however often it is sent; elsewhere they are counted as sent (they most likely went out, and a
    /// customer must not get a reply twice), with a note.
    /// </summary>
    internal async Task<int> RecoverInterruptedSendsAsync(CancellationToken cancellationToken)
    {
        var interrupted = await store.InStateAsync(OutboxState.Sending, int.MaxValue, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var record in interrupted)
        {
            if (channels.ProfileOf(record.Channel).IdempotentSends)
            {
                record.State = OutboxState.Pending;
                record.NextAttemptAt = now;
            }
            else
            {
                record.State = OutboxState.Sent;
                record.SentAt = now;
                record.LastError = "unconfirmed: the gateway stopped while this was being sent; not resent, to avoid a duplicate";
            }
        }
        await store.SaveAsync(interrupted, cancellationToken);
        if (interrupted.Count > 0) LogRecovered(interrupted.Count);
        return interrupted.Count;
    }

    private static OutboundMessage ToMessage(OutboxRecord record) =>
        new(record.Id, record.Channel, record.Address, record.Text, record.Choices, record.InReplyTo, record.SessionId, record.CustomerId)
        {
            AcceptedParts = record.Parts.Count,
            UnsubscribeUrl = record.UnsubscribeUrl,
        };

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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} message {OutboxId} is left to the instance that holds the channel's connection")]
    private partial void LogLeftToOwner(string channel, string outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} adapter threw for {OutboxId}")]
    private partial void LogAdapterThrew(Exception exception, string channel, string outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up on {Channel} message {OutboxId}: {Error}")]
    private partial void LogSendFailed(string channel, string outboxId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbound messages were being sent when the gateway last stopped")]
    private partial void LogRecovered(int count);
}
