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

    public override async Task OnConnectedAsync()
    {
        presence.Connected(Context.User!.UserName());
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.User!.UserName());
        return base.OnDisconnectedAsync(exception);
    }
}
