using Microsoft.Extensions.Hosting;
using Quartz;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// The campaigns' triggers on Quartz.NET: once at a time, or a cron expression in the campaign's time zone. Quartz keeps
/// them in memory only; what is scheduled is the campaigns' state in the gateway's store, so each start schedules every
/// scheduled campaign again. Scheduling is idempotent: one job per campaign, replaced when scheduled again, and a run is
/// named by its due time, so a trigger that fires twice for one time starts one run.
/// </summary>
public sealed class CampaignScheduler(ISchedulerFactory schedulers, ICampaignStore campaigns, TimeProvider time) : IHostedService
{
    private const string Group = "campaigns";

    /// <summary>When a relative campaign looks for who is due: at the top of every hour.</summary>
    public const string RelativeCheckCron = "0 0 * * * ?";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var campaign in await campaigns.InStatesAsync([CampaignState.Scheduled], cancellationToken))
            await ScheduleAsync(campaign, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Schedules (or schedules again) the campaign's trigger. A one-off time in the past fires at once.</summary>
    public async Task ScheduleAsync(Campaign campaign, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>The campaign will not fire again (paused, cancelled, done).</summary>
    public async Task UnscheduleAsync(string campaignId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(campaignId, Group), cancellationToken);
    }
}
