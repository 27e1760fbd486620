using Microsoft.Extensions.Hosting;
using SelfService.Storage.Cluster;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline;

/// <summary>
/// Several gateways on one store, and a reply made on one whose channel's connection another holds (an agent on instance B
/// answers an SMS customer whose bind instance A holds; a web visitor on B asks for a one-time code by SMS): the reply is
/// stored due a minute later (<see cref="OutboxDispatcher.InMemoryLease"/>), and B tells the others its id. The owner reads
/// it and sends it now rather than when it falls due. Inbound messages need no such news: the instance that accepted one
/// runs it (in memory), and a dead instance's are taken over with its connection (<see cref="OrphanRecovery"/>).
/// </summary>
public sealed class ClusterOutboxHandover(OutboxDispatcher dispatcher, IClusterEvents events) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        dispatcher.LeftToOwner += OnLeftToOwner;
        _subscription = events.Subscribe(ClusterTopics.Outbox, OnHandedOverAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        dispatcher.LeftToOwner -= OnLeftToOwner;
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void OnLeftToOwner(OutboxRecord record) => events.Publish(ClusterTopics.Outbox, record.Id);

    private Task OnHandedOverAsync(string? outboxId, CancellationToken cancellationToken)
    {
        // News may have been missed: what was left is found by the next poll once due.
        if (outboxId is null)
        {
            dispatcher.Wake();
            return Task.CompletedTask;
        }
        return dispatcher.SendHandedOverAsync(outboxId, cancellationToken);
    }
}
