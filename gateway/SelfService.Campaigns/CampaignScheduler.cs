using System.Collections.Concurrent;
using Quartz;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// The campaigns' triggers on Quartz.NET: once at a time, or a cron expression in the campaign's time zone. Quartz keeps
/// them in memory only, and only on the instance that leads the campaigns (<see cref="CampaignLeadership"/>), so one
/// scheduler fires each trigger however many instances run; what is scheduled is the campaigns' state in the gateway's
/// store, which the leader reads at every sync. Scheduling is idempotent: one job per campaign, replaced when scheduled
/// again, and a run is named by its due time, so a trigger that fires twice for one time starts one run.
/// </summary>
public sealed class CampaignScheduler(ISchedulerFactory schedulers, TimeProvider time)
{
    private const string Group = "campaigns";

    /// <summary>When a relative campaign looks for who is due: at the top of every hour.</summary>
    public const string RelativeCheckCron = "0 0 * * * ?";

    // The campaigns whose trigger is scheduled here, with the change it was scheduled for.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _scheduled = new(StringComparer.Ordinal);
    private volatile bool _leading;

    /// <summary>
    /// Brings the triggers in line with the store: every scheduled campaign's trigger is there (scheduled again when it
    /// changed), none is left for a campaign paused, cancelled or done (not among <paramref name="live"/>, the campaigns
    /// scheduled or running). Called by the leader, first when it takes the lead.
    /// </summary>
    internal async Task SyncAsync(IReadOnlyList<Campaign> live, CancellationToken cancellationToken)
    {
        _leading = true;
        foreach (var campaign in live.Where(c => c.State == CampaignState.Scheduled))
        {
            if (_scheduled.TryGetValue(campaign.Id, out var at) && at == campaign.UpdatedAt) continue;
            await ScheduleAsync(campaign, cancellationToken);
        }
        var liveIds = live.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _scheduled.Keys.Where(id => !liveIds.Contains(id)).ToList()) await UnscheduleAsync(gone, cancellationToken);
    }

    /// <summary>The lead is lost or given up: no trigger fires here any more.</summary>
    internal async Task StopLeadingAsync()
    {
        _leading = false;
        var scheduler = await schedulers.GetScheduler();
        foreach (var id in _scheduled.Keys.ToList())
        {
            await scheduler.DeleteJob(new JobKey(id, Group));
            _scheduled.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Schedules (or schedules again) the campaign's trigger. A one-off time in the past fires at once. On an instance
    /// that does not lead, nothing: the leader's next sync schedules it.
    /// </summary>
    public async Task ScheduleAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!_leading) return;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<CampaignFireJob>().WithIdentity(campaign.Id, Group).UsingJobData(CampaignFireJob.CampaignIdKey, campaign.Id).Build();
        var trigger = TriggerBuilder.Create(time).WithIdentity(campaign.Id, Group).ForJob(job);
        if (campaign.Trigger.Kind == TriggerKind.Relative)
        {
            // Every hour on the hour: each fire writes out whoever became due since (RelativeDates); a fire missed while the
            // gateway was down is caught up by the next one, within Campaigns:RelativeLookback.
            trigger = trigger.WithSchedule(CronScheduleBuilder.Create(RelativeCheckCron).InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).StartNow();
        }
        else if (campaign.Trigger.Kind == TriggerKind.Cron)
        {
            var zone = RecipientClock.FindZone(campaign.TimeZone) ?? TimeZoneInfo.Utc;
            // A fire missed while the gateway was down is not made up: the next one comes on time.
            trigger = trigger.WithSchedule(CronScheduleBuilder.Create(campaign.Trigger.Cron!).InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).StartNow();
        }
        else
        {
            trigger = trigger.StartAt(campaign.Trigger.At ?? time.GetUtcNow())
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        }
        await scheduler.ScheduleJob(job, trigger.Build(), new ScheduleJobOptions { Replace = true }, cancellationToken);
        _scheduled[campaign.Id] = campaign.UpdatedAt;
    }

    /// <summary>The campaign will not fire again (paused, cancelled, done).</summary>
    public async Task UnscheduleAsync(string campaignId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(campaignId, Group), cancellationToken);
        _scheduled.TryRemove(campaignId, out _);
    }
}
