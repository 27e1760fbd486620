namespace SelfService.Campaigns;

/// <summary>
/// The pace of one campaign in SMS parts per second: a message of three parts waits three times as long as one of one, so
/// what the SMSC sees is the configured number of parts a second, whatever the length of the text. On the injected clock.
/// A sender that fell behind (a slow commit) may catch up by <see cref="CatchUp"/> at most, so the pace holds over time
/// without a burst after a pause or a night of quiet hours.
/// </summary>
public sealed class PartsPacer(double partsPerSecond, TimeProvider time)
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromMilliseconds(200);

    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Waits until <paramref name="parts"/> more parts may go, and counts them as gone.</summary>
    public async Task WaitAsync(int parts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_next < now - CatchUp) _next = now - CatchUp;
        var wait = _next - now;
        _next += TimeSpan.FromSeconds(parts / partsPerSecond);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }
}
