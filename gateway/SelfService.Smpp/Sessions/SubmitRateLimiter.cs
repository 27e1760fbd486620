namespace SelfService.Smpp;

/// <summary>Spreads submits evenly: one every 1/rate seconds, no bursts (SMSC throttles count per second, often per
/// sliding window, so evenly spaced submits are the ones that never trip them).</summary>
internal sealed class SubmitRateLimiter
{
    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly Lock _lock = new();
    private long _next;

    public SubmitRateLimiter(int perSecond, TimeProvider time)
    {
        _time = time;
        _interval = perSecond > 0 ? Math.Max(1, time.TimestampFrequency / perSecond) : 0;
    }

    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == 0) return ValueTask.CompletedTask;
        long now = _time.GetTimestamp(), slot;
        lock (_lock)
        {
            slot = Math.Max(now, _next);
            _next = slot + _interval;
        }
        if (slot <= now) return ValueTask.CompletedTask;
        return new ValueTask(Task.Delay(TimeSpan.FromSeconds((slot - now) / (double)_time.TimestampFrequency), _time, cancellationToken));
    }
}
