using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using SelfService.Desk.Hubs;

namespace SelfService.Desk.Dashboard;

/// <summary>
/// Tells open dashboards when the figures changed (checked every two seconds while a dashboard is open: the figures
/// read a day of messages, which the pipeline should not pay for when nobody looks), so they refresh without polling.
/// </summary>
public sealed class DashboardBroadcaster(OperationsFigures figures, AgentPresence presence, IHubContext<DeskHub> hub, TimeProvider time) : BackgroundService
{
    public const string FiguresChanged = "figuresChanged";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? last = null;
        using var timer = new PeriodicTimer(OperationsFigures.CacheFor, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!presence.AnyoneWatchesFigures)
                {
                    last = null;
                    continue;
                }
                var snapshot = await figures.CurrentAsync(stoppingToken);
                var fingerprint = Fingerprint(snapshot);
                if (fingerprint == last) continue;
                last = fingerprint;
                await hub.Clients.Group(DeskHub.DashboardGroup).SendAsync(FiguresChanged, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // Everything the page shows except the moment it was computed.
    private static string Fingerprint(OperationsSnapshot s) =>
        string.Join('|', s.Inbound, s.Conversations, s.EscalatedConversations, s.Escalations, s.QueueLength, s.AverageWait, s.Wait90,
            s.AgentsOnline, s.OutboxBacklog, s.OutboxFailed, string.Join(',', s.Connections.Select(c => c.State)),
            string.Join(',', s.RepliesSentByChannel.Select(c => c.Key + "=" + c.Value)), string.Join(',', s.CampaignSentByChannel.Select(c => c.Key + "=" + c.Value)),
            string.Join(',', s.Instances.Select(i => i.Id + ":" + i.Alive + ":" + string.Join('+', i.Leases.Select(l => l.Name + "#" + l.Token)))));
}
