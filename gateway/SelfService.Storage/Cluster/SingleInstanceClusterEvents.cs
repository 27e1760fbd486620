namespace SelfService.Storage.Cluster;

/// <summary>
/// Cluster events for a gateway alone on its store (LiteDB: one process owns the file): there is no other instance to tell,
/// and this one already acts in process on what it changes, so publishing is a no-op and no event ever arrives.
/// </summary>
public sealed class SingleInstanceClusterEvents : IClusterEvents
{
    public void Publish(string topic, string payload) => ClusterEventPayload.Check(topic, payload);

    public IDisposable Subscribe(string topic, Func<string?, CancellationToken, Task> handler) => Nothing.Instance;

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
