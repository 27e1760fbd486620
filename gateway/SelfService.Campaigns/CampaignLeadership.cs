using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Leases;

namespace SelfService.Campaigns;

/// <summary>
/// One instance leads the campaigns, under the lease <see cref="LeaseName"/>: its Quartz scheduler alone holds the
/// triggers (so one scheduler fires each trigger however many instances run) and it alone works the runs (so the pace is
/// kept once, not once per instance). Every third of a lease it reads the store again: campaigns launched, paused or
/// resumed on another instance are scheduled, unscheduled or worked here. When the leader dies, another instance takes the
/// lease within one lease period and goes on with the running campaigns from their recipients' rows. With LiteDB (one
/// process) the lease is this instance's at once.
/// </summary>
public sealed partial class CampaignLeadership(
    ConnectionLeases leases, CampaignScheduler scheduler, CampaignRunner runner, ICampaignStore campaigns, TimeProvider time,
    ILogger<CampaignLeadership> logger) : BackgroundService
{
    public const string LeaseName = "campaigns:scheduler";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leases.HoldAsync(LeaseName, LeadAsync, stoppingToken);

    private async Task LeadAsync(HeldLease lease, CancellationToken lost)
    {
        LogLeading(lease.Token);
        runner.Lead(lost);
        try
        {
            while (!lost.IsCancellationRequested)
            {
                try
                {
                    // One read of the live campaigns serves the triggers, the runs to go on with and the runs to stop.
                    var live = await campaigns.InStatesAsync([CampaignState.Scheduled, CampaignState.Running], lost);
                    await scheduler.SyncAsync(live, lost);
                    runner.Follow(live);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The store unreachable for a moment: the next sync tries again; the lease says whether we still lead.
                    LogSyncFailed(ex);
                }
                await Task.Delay(leases.Duration / 3, time, lost);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
        }
        finally
        {
            await scheduler.StopLeadingAsync();
            await runner.StoppedLeadingAsync();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Campaigns: this instance leads them (lease token {Token}): their triggers fire and their runs are worked here")]
    private partial void LogLeading(long token);

    [LoggerMessage(2, LogLevel.Warning, "Campaigns: reading the store for the triggers failed; trying again at the next sync")]
    private partial void LogSyncFailed(Exception exception);
}
