using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using SelfService.Commands.Escalation;
using SelfService.Storage.Escalations;

namespace SelfService.Desk.Hubs;

/// <summary>Pushes every queue change to the agents' browsers as it happens: the queue is pushed, never polled.</summary>
public sealed class DeskNotifier(EscalationQueue queue, IHubContext<DeskHub> hub) : IHostedService
{
    public const string TicketChanged = "ticketChanged";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        queue.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    // Fire and forget: the queue must not wait for browsers; a browser that missed a push reloads the page.
    private void OnChanged(EscalationTicket ticket, EscalationChange change) =>
        _ = hub.Clients.Group(DeskHub.AgentsGroup).SendAsync(TicketChanged, ticket.Id, change.ToString());
}
