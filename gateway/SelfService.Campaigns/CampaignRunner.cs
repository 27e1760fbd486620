using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Pipeline;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Customers;
using SelfService.Storage.Messages;

namespace SelfService.Campaigns;

/// <summary>
/// Sends the runs of running campaigns. Each recipient's turn: still running? opted out (of all, or of this topic)? in
/// their quiet hours? then wait for the pace, and hand the message over: the recipient marked and the message queued in
/// one commit, then sent in the outbox's low-priority lane. Everything it knows is in the store, so after a restart it
/// goes on with the recipients still pending, and none handed over is handed over again.
/// </summary>
public sealed partial class CampaignRunner(
    ICampaignStore campaigns, IOptOutStore optOuts, ICustomerStore customers, AudienceWriter audience, OutboxDispatcher outbox, IOutbox outboxStore,
    ChannelRegistry channels, CampaignSurveys surveys, UnsubscribeLinks unsubscribe, IOptions<CampaignOptions> options, TimeProvider time,
    ILogger<CampaignRunner> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _wakers = new(StringComparer.Ordinal);
    private CancellationToken _stopping = CancellationToken.None;

    // Cancelled while this instance does not lead the campaigns (CampaignLeadership): no run is worked here then.
    private CancellationToken _leading = new(canceled: true);

    /// <summary>Campaigns found running at start, whose messages handed over before the stop have not gone yet.</summary>
    private readonly ConcurrentDictionary<string, bool> _resumedAtStart = new(StringComparer.Ordinal);

    /// <summary>Raised when a run has no recipient left pending (tests and progress pages wait for it).</summary>
    public event Action<string, string>? RunFinished;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(_running.Values);
    }

    /// <summary>
    /// This instance leads the campaigns until <paramref name="lost"/> is cancelled: runs are worked here, and those
    /// running when the last leader stopped (or died) go on.
    /// </summary>
    internal void Lead(CancellationToken lost) => _leading = lost;

    /// <summary>
    /// Follows the store's <paramref name="live"/> campaigns (scheduled or running): works every running one not being
    /// worked here (found running at a start or a takeover, or resumed on another instance), and wakes a run here whose
    /// campaign is no longer running (paused or cancelled on another instance) so it stops now, not after its wait.
    /// </summary>
    internal void Follow(IReadOnlyList<Campaign> live)
    {
        var running = live.Where(c => c.State == CampaignState.Running).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in running.Where(id => !IsWorking(id)))
        {
            // Its messages handed over before the stop have not gone yet: they go at once.
            _resumedAtStart[id] = true;
            Start(id);
        }
        foreach (var id in _running.Keys.Where(id => IsWorking(id) && !running.Contains(id))) Wake(id);
    }

    /// <summary>Leadership lost or given up: the runs worked here end at their next recipient.</summary>
    internal Task StoppedLeadingAsync() => Task.WhenAll(_running.Values);

    /// <summary>Whether a run of the campaign is being worked here now.</summary>
    private bool IsWorking(string campaignId) => _running.TryGetValue(campaignId, out var work) && !work.IsCompleted;

    /// <summary>A trigger fired: the run named by its due time starts, unless that run started already (a trigger fired twice).</summary>
    public async Task FireAsync(string campaignId, DateTimeOffset scheduledFireTime, CancellationToken cancellationToken)
    {
        var run = CampaignRun.KeyOf(scheduledFireTime);
        var change = await campaigns.ChangeAsync(campaignId, c =>
        {
            if (c.State != CampaignState.Scheduled || c.CurrentRun == run) return false;
            c.State = CampaignState.Running;
            c.CurrentRun = run;
            c.CurrentRunExpanded = false;
            c.UpdatedAt = time.GetUtcNow();
            return true;
        }, cancellationToken);
        if (change.Changed) LogRunStarted(campaignId, run);
        if (change.Campaign?.State == CampaignState.Running) Start(campaignId);
    }

    /// <summary>Works the campaign's current run, unless that is under way already; a pause or cancel ends the work at the next recipient.</summary>
    public void Start(string campaignId)
    {
        // Not leading: the leader works it (it looks for running campaigns at every sync).
        var leading = _leading;
        if (_stopping.IsCancellationRequested || leading.IsCancellationRequested) return;
        _running.AddOrUpdate(campaignId,
            id => Task.Run(() => WorkAsync(id, leading)),
            (id, task) => task.IsCompleted ? Task.Run(() => WorkAsync(id, leading)) : task);
    }

    /// <summary>The work on the campaign's run, if any was started (tests wait for it to end after a pause).</summary>
    internal Task? Working(string campaignId) => _running.GetValueOrDefault(campaignId);

    /// <summary>The campaign changed (paused, cancelled): a run waiting for the pace or the end of quiet hours looks again now.</summary>
    public void Wake(string campaignId)
    {
        if (_wakers.TryRemove(campaignId, out var waker)) waker.Cancel();
    }

    private async Task WorkAsync(string campaignId, CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(campaignId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The store failed, most likely: the rows say where it stopped, and the next start (or a resume) goes on from there.
            LogRunFailed(ex, campaignId);
        }
    }

    private async Task RunAsync(string campaignId, CancellationToken stoppingToken)
    {
        var campaign = await campaigns.GetAsync(campaignId, stoppingToken);
        if (campaign is not { State: CampaignState.Running, CurrentRun: { } run }) return;
        if (!campaign.CurrentRunExpanded)
        {
            var added = await audience.WriteAsync(campaign, run, stoppingToken);
            await campaigns.ChangeAsync(campaignId, c =>
            {
                if (c.CurrentRun != run) return false;
                c.CurrentRunExpanded = true;
                return true;
            }, stoppingToken);
            LogAudienceWritten(campaignId, run, added);
        }

        if (_resumedAtStart.TryRemove(campaignId, out _)) await SendHandedOverAsync(campaignId, run, stoppingToken);
        var profile = channels.ProfileOf(campaign.Channel);
        var pacer = new PartsPacer(campaign.PartsPerSecond, time);
        var pageSize = options.Value.PageSize;
        while (true)
        {
            DateTimeOffset? quietUntil = null;
            long after = -1;
            while (true)
            {
                var page = await campaigns.PendingAsync(campaignId, run, after, pageSize, stoppingToken);
                if (page.Count == 0) break;
                foreach (var recipient in page)
                {
                    after = recipient.Sequence;
                    campaign = await campaigns.GetAsync(campaignId, stoppingToken);
                    if (campaign?.State != CampaignState.Running || campaign.CurrentRun != run)
                    {
                        await StoppedAsync(campaign, run, stoppingToken);
                        return;
                    }
                    var quiet = RecipientClock.QuietUntil(campaign.QuietHours, recipient.TimeZone ?? campaign.TimeZone, time.GetUtcNow());
                    if (quiet is not null)
                    {
                        // Their night: they stay pending, and the run comes back for them when it ends.
                        if (quietUntil is null || quiet < quietUntil) quietUntil = quiet;
                        continue;
                    }
                    await SendAsync(campaign, recipient, profile, pacer, stoppingToken);
                }
            }
            if (quietUntil is null) break;
            LogQuietHours(campaignId, quietUntil.Value);
            await WaitAsync(campaignId, quietUntil.Value - time.GetUtcNow(), stoppingToken);
        }

        await FinishAsync(campaignId, run, stoppingToken);
    }

    private async Task SendAsync(Campaign campaign, CampaignRecipient recipient, Messaging.ChannelProfile profile, PartsPacer pacer, CancellationToken stoppingToken)
    {
        var customer = await customers.FindByMsisdnAsync(recipient.Msisdn, stoppingToken);
        if (await OptedOutAsync(campaign, recipient, customer, stoppingToken))
        {
            recipient.State = RecipientState.SkippedOptedOut;
            await campaigns.HandOverAsync([recipient], [], stoppingToken);
            return;
        }
        var address = AddressOf(campaign.Channel, recipient.Msisdn, customer);
        if (address is null || !campaign.Texts.TryGetValue(CampaignText.LanguageFor(campaign, recipient.Language), out var template))
        {
            recipient.State = RecipientState.SkippedUnreachable;
            await campaigns.HandOverAsync([recipient], [], stoppingToken);
            return;
        }

        var text = CampaignText.Render(template, recipient.Values);
        List<string> choices = [];
        // A survey: its first question follows the text, as the channel shows it (numbered, buttons, reply by email).
        if (campaign.Survey is { } survey) (text, choices) = surveys.FirstMessage(survey, text, recipient.Language, campaign.Channel);
        var parts = CampaignText.PartsOf(text, profile);
        await WaitForPaceAsync(campaign.Id, pacer, parts, stoppingToken);
        var now = time.GetUtcNow();
        var record = new OutboxRecord
        {
            Id = CampaignRecipient.OutboxIdOf(campaign.Id, recipient.Run, recipient.Msisdn), Channel = campaign.Channel, Address = address,
            SessionId = address, Text = text, Choices = choices, CustomerId = recipient.CustomerId ?? customer?.Id, State = OutboxState.Pending, CreatedAt = now,
            // As replies handed over in memory: the store's poll leaves it to the low-priority lane unless this run stops.
            NextAttemptAt = now + OutboxDispatcher.InMemoryLease,
        };
        // A mail says how to stop it in one click (RFC 8058); SMS has STOP.
        if (campaign.Channel == ChannelNames.Email) record.UnsubscribeUrl = await unsubscribe.LinkAsync(campaign.Id, recipient.Msisdn, stoppingToken);
        // The response is there before the question goes, so the first answer finds it; started twice (a restart) it stays one.
        if (campaign.Survey is { } sent) await surveys.StartAsync(campaign, sent, recipient, address, customer?.Id, now, stoppingToken);
        recipient.State = RecipientState.HandedOver;
        recipient.OutboxId = record.Id;
        recipient.Parts = parts;
        recipient.HandedOverAt = now;
        await campaigns.HandOverAsync([recipient], [record], stoppingToken);
        outbox.SendLowPriority([record]);
    }

    /// <summary>
    /// After a restart: the run's messages handed over but not sent when the gateway stopped go now, in the low-priority
    /// lane, rather than when their in-memory lease runs out and the outbox's poll finds them.
    /// </summary>
    private async Task SendHandedOverAsync(string campaignId, string run, CancellationToken stoppingToken)
    {
        var pending = new List<OutboxRecord>();
        long after = -1;
        while (await campaigns.RecipientsAsync(campaignId, run, after, options.Value.PageSize, stoppingToken) is { Count: > 0 } page)
        {
            after = page[^1].Sequence;
            foreach (var recipient in page.Where(r => r.State == RecipientState.HandedOver && r.OutboxId is not null))
                if (await outboxStore.GetAsync(recipient.OutboxId!, stoppingToken) is { State: OutboxState.Pending } record) pending.Add(record);
            if (pending.Count == 0) continue;
            outbox.SendLowPriority(pending);
            pending = [];
        }
    }

    /// <summary>Where the message goes on the campaign's channel: the number itself by SMS, else the chat or mailbox the customer linked; null: none.</summary>
    internal static string? AddressOf(string channel, string msisdn, Customer? customer) =>
        channel is ChannelNames.Sms or ChannelNames.Ussd ? msisdn
            : customer?.Identities.Where(i => i.Channel == channel).OrderByDescending(i => i.LinkedAt).FirstOrDefault()?.Address;

    /// <summary>Opted out of every campaign (STOP, or the profile's older flag) or of this campaign's topic: checked at their turn, not before.</summary>
    private async Task<bool> OptedOutAsync(Campaign campaign, CampaignRecipient recipient, Customer? customer, CancellationToken cancellationToken)
    {
        var stopped = await optOuts.StoppedTopicsAsync(recipient.Msisdn, cancellationToken);
        if (stopped.Contains(OptOutChange.AllTopics) || stopped.Contains(campaign.Topic)) return true;
        return customer is { AcceptsCampaigns: false };
    }

    private async Task WaitForPaceAsync(string campaignId, PartsPacer pacer, int parts, CancellationToken stoppingToken)
    {
        using var waker = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _wakers[campaignId] = waker;
        try
        {
            await pacer.WaitAsync(parts, waker.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Woken by a pause or cancel: the message goes (its turn had come), and the next recipient sees the change.
        }
        finally
        {
            _wakers.TryRemove(new KeyValuePair<string, CancellationTokenSource>(campaignId, waker));
        }
    }

    private async Task WaitAsync(string campaignId, TimeSpan delay, CancellationToken stoppingToken)
    {
        if (delay <= TimeSpan.Zero) return;
        using var waker = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _wakers[campaignId] = waker;
        try
        {
            await Task.Delay(delay, time, waker.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _wakers.TryRemove(new KeyValuePair<string, CancellationTokenSource>(campaignId, waker));
        }
    }

    private async Task StoppedAsync(Campaign? campaign, string run, CancellationToken stoppingToken)
    {
        if (campaign?.State == CampaignState.Cancelled)
        {
            var cancelled = await campaigns.CancelPendingAsync(campaign.Id, run, stoppingToken);
            LogCancelled(campaign.Id, run, cancelled);
            RunFinished?.Invoke(campaign.Id, run);
        }
    }

    /// <summary>Nobody is left pending: a one-off campaign is done, a cron one waits for its next fire.</summary>
    private async Task FinishAsync(string campaignId, string run, CancellationToken stoppingToken)
    {
        var change = await campaigns.ChangeAsync(campaignId, c =>
        {
            if (c.State != CampaignState.Running || c.CurrentRun != run) return false;
            c.State = c.Trigger.Recurs() ? CampaignState.Scheduled : CampaignState.Done;
            c.UpdatedAt = time.GetUtcNow();
            return true;
        }, stoppingToken);
        if (change.Changed) LogRunFinished(campaignId, run, change.Campaign!.State);
        RunFinished?.Invoke(campaignId, run);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: run {Run} started")]
    private partial void LogRunStarted(string campaignId, string run);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: run {Run} has {Count} new recipients")]
    private partial void LogAudienceWritten(string campaignId, string run, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: some recipients are in their quiet hours; back at {Until}")]
    private partial void LogQuietHours(string campaignId, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: run {Run} finished; the campaign is {State}")]
    private partial void LogRunFinished(string campaignId, string run, CampaignState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: run {Run} cancelled with {Count} recipients not reached")]
    private partial void LogCancelled(string campaignId, string run, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: sending stopped on an error; it goes on at the next start or resume")]
    private partial void LogRunFailed(Exception exception, string campaignId);
}
