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
/// their quiet hours? then the message takes the next turn on the pace and is handed over a little ahead of it
/// (<see cref="HandOverLead"/>): the recipient marked and the message queued in one commit (shared by the turns close together),
/// then sent in the outbox's low-priority lane when its turn comes (<see cref="PacedRelease"/>). Everything it knows is in
/// the store, so after a restart it goes on with the recipients still pending, and none handed over is handed over again.
/// </summary>
public sealed partial class CampaignRunner(
    ICampaignStore campaigns, IOptOutStore optOuts, ICustomerStore customers, AudienceWriter audience, OutboxDispatcher outbox, IOutbox outboxStore,
    ChannelRegistry channels, CampaignSurveys surveys, UnsubscribeLinks unsubscribe, IOptions<CampaignOptions> options, TimeProvider time,
    ILogger<CampaignRunner> logger)
    : BackgroundService
{
    /// <summary>
    /// How far ahead of its turn a message is stored. The runner stores the messages whose turns fall in the next half of
    /// it in one commit, and <see cref="PacedRelease"/> hands each to the outbox at its turn: so a commit held up for less
    /// than this (the store busy with customers' messages during the blast) costs the pace nothing, and the commits stay
    /// few however fast the pace. It is also how long before its turn a message was last checked for an opt-out or a pause.
    /// </summary>
    internal static readonly TimeSpan HandOverLead = TimeSpan.FromMilliseconds(200);

    /// <summary>The most recipients stored in one commit.</summary>
    private const int MaxBatch = 256;

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

        // Turns start a lead from now: the first messages are stored before their turns, as all the others are.
        var pacer = new PartsPacer(campaign.PartsPerSecond, time, HandOverLead);
        var release = new PacedRelease(outbox, time);
        var releasing = release.RunAsync(stoppingToken);
        bool handedOverAll;
        try
        {
            if (_resumedAtStart.TryRemove(campaignId, out _)) await SendHandedOverAsync(campaignId, run, pacer, release, stoppingToken);
            handedOverAll = await HandOverAllAsync(campaignId, run, channels.ProfileOf(campaign.Channel), pacer, release, stoppingToken);
        }
        finally
        {
            // What was stored goes at its turn, after a pause or cancel too: it is handed over.
            release.Complete();
            await releasing;
        }
        if (handedOverAll) await FinishAsync(campaignId, run, stoppingToken);
    }

    /// <summary>
    /// Hands the run's pending recipients over at the pace, a little ahead of their turns (<see cref="HandOverLead"/>); false when
    /// the campaign stopped running (paused, cancelled) first.
    /// </summary>
    private async Task<bool> HandOverAllAsync(
        string campaignId, string run, ChannelProfile profile, PartsPacer pacer, PacedRelease release, CancellationToken stoppingToken)
    {
        var batch = new HandOverBatch();
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
                    if (pacer.Next - time.GetUtcNow() > HandOverLead)
                    {
                        // The next turn is further off than the lead: what is prepared is stored, and the run waits until
                        // the turn is half the lead away (a pause or cancel wakes it), then prepares the next half-lead's worth.
                        await CommitAsync(batch, release, stoppingToken);
                        await WaitAsync(campaignId, pacer.Next - time.GetUtcNow() - HandOverLead / 2, stoppingToken);
                    }
                    var campaign = await campaigns.GetAsync(campaignId, stoppingToken);
                    if (campaign?.State != CampaignState.Running || campaign.CurrentRun != run)
                    {
                        // Those prepared had their turn before the change: they go; the next recipient sees it.
                        await CommitAsync(batch, release, stoppingToken);
                        await StoppedAsync(campaign, run, stoppingToken);
                        return false;
                    }
                    var quiet = RecipientClock.QuietUntil(campaign.QuietHours, recipient.TimeZone ?? campaign.TimeZone, time.GetUtcNow());
                    if (quiet is not null)
                    {
                        // Their night: they stay pending, and the run comes back for them when it ends.
                        if (quietUntil is null || quiet < quietUntil) quietUntil = quiet;
                        continue;
                    }
                    await PrepareAsync(campaign, recipient, profile, pacer, batch, stoppingToken);
                    // One commit for the turns of half a lead (or a full batch), so commits stay few however fast the pace.
                    if (batch.Count >= MaxBatch || pacer.Next - batch.FirstTurn >= HandOverLead / 2) await CommitAsync(batch, release, stoppingToken);
                }
                await CommitAsync(batch, release, stoppingToken);
            }
            if (quietUntil is null) return true;
            LogQuietHours(campaignId, quietUntil.Value);
            await WaitAsync(campaignId, quietUntil.Value - time.GetUtcNow(), stoppingToken);
        }
    }

    /// <summary>The recipient's turn: skipped (opted out, unreachable), or its message made and given the next turn on the pace.</summary>
    private async Task PrepareAsync(
        Campaign campaign, CampaignRecipient recipient, ChannelProfile profile, PartsPacer pacer, HandOverBatch batch, CancellationToken stoppingToken)
    {
        var customer = await customers.FindByMsisdnAsync(recipient.Msisdn, stoppingToken);
        if (await OptedOutAsync(campaign, recipient, customer, stoppingToken))
        {
            recipient.State = RecipientState.SkippedOptedOut;
            batch.Skip(recipient);
            return;
        }
        var address = AddressOf(campaign.Channel, recipient.Msisdn, customer);
        if (address is null || !campaign.Texts.TryGetValue(CampaignText.LanguageFor(campaign, recipient.Language), out var template))
        {
            recipient.State = RecipientState.SkippedUnreachable;
            batch.Skip(recipient);
            return;
        }

        var text = CampaignText.Render(template, recipient.Values);
        List<string> choices = [];
        // A survey: its first question follows the text, as the channel shows it (numbered, buttons, reply by email).
        if (campaign.Survey is { } survey) (text, choices) = surveys.FirstMessage(survey, text, recipient.Language, campaign.Channel);
        var parts = CampaignText.PartsOf(text, profile);
        var turn = pacer.Reserve(parts);
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
        recipient.HandedOverAt = turn;
        batch.Add(recipient, record, turn);
    }

    /// <summary>Stores the batch (each recipient marked and its message queued, in one commit), then queues its messages for their turns.</summary>
    private async Task CommitAsync(HandOverBatch batch, PacedRelease release, CancellationToken stoppingToken)
    {
        if (batch.Count == 0) return;
        await campaigns.HandOverAsync(batch.Recipients, [.. batch.Messages.Select(m => m.Record)], stoppingToken);
        foreach (var (record, turn) in batch.Messages) release.Add(record, turn);
        batch.Clear();
    }

    /// <summary>
    /// After a restart: the run's messages handed over but not sent when the gateway stopped go now, at the pace, in the
    /// low-priority lane, rather than when their in-memory lease runs out and the outbox's poll finds them.
    /// </summary>
    private async Task SendHandedOverAsync(string campaignId, string run, PartsPacer pacer, PacedRelease release, CancellationToken stoppingToken)
    {
        long after = -1;
        while (await campaigns.RecipientsAsync(campaignId, run, after, options.Value.PageSize, stoppingToken) is { Count: > 0 } page)
        {
            after = page[^1].Sequence;
            foreach (var recipient in page.Where(r => r.State == RecipientState.HandedOver && r.OutboxId is not null))
                if (await outboxStore.GetAsync(recipient.OutboxId!, stoppingToken) is { State: OutboxState.Pending } record)
                    release.Add(record, pacer.Reserve(Math.Max(1, recipient.Parts)));
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

    /// <summary>Recipients whose turn came, not stored yet: those skipped, and those handed over with their messages and turns.</summary>
    private sealed class HandOverBatch
    {
        public List<CampaignRecipient> Recipients { get; } = [];

        public List<(OutboxRecord Record, DateTimeOffset Turn)> Messages { get; } = [];

        public int Count => Recipients.Count;

        /// <summary>The first message's turn (none: far off, so a batch of skips alone waits for the page's end or its size).</summary>
        public DateTimeOffset FirstTurn => Messages.Count > 0 ? Messages[0].Turn : DateTimeOffset.MaxValue;

        public void Skip(CampaignRecipient recipient) => Recipients.Add(recipient);

        public void Add(CampaignRecipient recipient, OutboxRecord record, DateTimeOffset turn)
        {
            Recipients.Add(recipient);
            Messages.Add((record, turn));
        }

        public void Clear()
        {
            Recipients.Clear();
            Messages.Clear();
        }
    }
}
