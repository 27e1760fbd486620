using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SelfService.Staff;

namespace SelfService.Desk.Hubs;

/// <summary>
/// The desk's live line: the server tells agents' browsers that the queue or a conversation changed, and the page
/// fetches the fresh, server-rendered part. Connections also tell who is online.
/// </summary>
[Authorize(Policy = StaffPolicies.Agents)]
public sealed class DeskHub(AgentPresence presence) : Hub
{
    public const string Path = "/hubs/desk";
    public const string AgentsGroup = "agents";
    public const string DashboardGroup = "dashboard";

    public override async Task OnConnectedAsync()
    {
        presence.Connected(Context.User!.UserName());
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);
        await base.OnConnectedAsync();
    }

    /// <summary>Called by the dashboard page: it is told when the figures change.</summary>
    public async Task WatchFigures()
    {
        presence.WatchFigures(Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroup);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.User!.UserName());
        presence.StopWatchingFigures(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
