using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace SelfService.Smpp.Tests.Support;

/// <summary>A fake clock that also reports every timer asked of it, so a test can wait until a delay has been scheduled
/// (and check its length) before advancing time past it.</summary>
internal sealed class ObservedTime : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public ObservedTime() : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (in real time) for a timer whose due time matches, created since the last call that matched.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            while (_timers.TryDequeue(out var due))
            {
                if (match(due)) return due;
            }
            await Task.Delay(2);
        }
        throw new TimeoutException("No matching timer was created");
    }

    public void ForgetTimers() => _timers.Clear();
}
