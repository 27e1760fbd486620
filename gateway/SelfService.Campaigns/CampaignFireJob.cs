using Quartz;

namespace SelfService.Campaigns;

/// <summary>What Quartz runs when a campaign's trigger fires: the run named by the trigger's due time starts.</summary>
[DisallowConcurrentExecution]
internal sealed class CampaignFireJob(CampaignRunner runner) : IJob
{
    public const string CampaignIdKey = "campaignId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var campaignId = context.MergedJobDataMap.GetString(CampaignIdKey)!;
        await runner.FireAsync(campaignId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }
}
