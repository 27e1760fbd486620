namespace SelfService.Channels;

/// <summary>
/// An async lock per key (a conversation, say), striped over a fixed number of semaphores so that the number of locks
/// stays fixed however many keys there are. Two keys may share a stripe: they then wait for each other, briefly.
/// </summary>
public sealed class KeyedGate(int stripes = 64)
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, stripes).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the key's stripe; disposing what it returns lets the next one in (once, however often disposed).</summary>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
