using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using SelfService.Commands.Escalation;
using SelfService.Storage.Cluster;
using SelfService.Storage.Escalations;

namespace SelfService.Desk.Hubs;

/// <summary>
/// Pushes every queue change to the agents' browsers as it happens: the queue is pushed, never polled. Several gateways on
/// one store: a change made here is also told to the other instances (the ticket's id and what changed), which push it to
/// the agents connected to them; the browsers then read the store through their own instance.
/// </summary>
public sealed class DeskNotifier(EscalationQueue queue, IHubContext<DeskHub> hub, IClusterEvents events) : IHostedService
{
    public const string TicketChanged = "ticketChanged";

    /// <summary>Sent instead of a ticket's id when changes may have been missed: every desk refreshes its queue.</summary>
    public const string AnyTicket = "";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        queue.Changed += OnChanged;
        _subscription = events.Subscribe(ClusterTopics.Desk, OnChangedElsewhereAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Changed -= OnChanged;
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    // Fire and forget: the queue must not wait for browsers; a browser that missed a push reloads the page.
    private void OnChanged(EscalationTicket ticket, EscalationChange change)
    {
        _ = hub.Clients.Group(DeskHub.AgentsGroup).SendAsync(TicketChanged, ticket.Id, change.ToString());
        events.Publish(ClusterTopics.Desk, ticket.Id + "|" + change);
    }

    private Task OnChangedElsewhereAsync(string? payload, CancellationToken cancellationToken)
    {
        var split = payload?.LastIndexOf('|') ?? -1;
        var (ticketId, change) = split < 0 ? (AnyTicket, "") : (payload![..split], payload[(split + 1)..]);
        return hub.Clients.Group(DeskHub.AgentsGroup).SendAsync(TicketChanged, ticketId, change, cancellationToken);
    }
}
