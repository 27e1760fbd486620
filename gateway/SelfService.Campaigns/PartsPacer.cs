namespace SelfService.Campaigns;

/// <summary>
/// The pace of one campaign in SMS parts per second: a message of three parts waits three times as long as one of one, so
/// what the SMSC sees is the configured number of parts a second, whatever the length of the text. On the injected clock.
/// </summary>
public sealed class PartsPacer(double partsPerSecond, TimeProvider time)
{
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Waits until <paramref name="parts"/> more parts may go, and counts them as gone.</summary>
    public async Task WaitAsync(int parts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_next < now) _next = now;
        var wait = _next - now;
        _next += TimeSpan.FromSeconds(parts / partsPerSecond);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }
}
