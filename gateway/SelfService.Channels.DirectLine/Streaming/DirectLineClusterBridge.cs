using Microsoft.Extensions.Hosting;
using SelfService.Storage.Cluster;

namespace SelfService.Channels.DirectLine.Streaming;

/// <summary>
/// Several gateways on one store: a conversation's socket is open on one instance, and its transcript may grow on another
/// (the agent who answers is signed in there, or the load balancer sent a post elsewhere). Each append here is told to
/// the others (ids only); an instance that holds the conversation's socket catches it up from the store.
/// </summary>
public sealed class DirectLineClusterBridge(ConversationStreams streams, IClusterEvents events) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        streams.Appended += OnAppended;
        _subscription = events.Subscribe(ClusterTopics.DirectLine, streams.CatchUpAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        streams.Appended -= OnAppended;
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void OnAppended(string conversationId) => events.Publish(ClusterTopics.DirectLine, conversationId);
}
