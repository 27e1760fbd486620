using Microsoft.Extensions.Time.Testing;

namespace SelfService.Channels.Sms.Tests.Support;

/// <summary>
/// The adapter's wall clock comes from a <see cref="FakeTimeProvider"/> (the duplicate window, the concatenation timeout);
/// timestamps and timers stay real. SmsAdapter hands one TimeProvider to both itself and its SmppClient, and the client's
/// timers (response timeouts, reconnect delays, throttling backoff) must run on their own for a bind over loopback.
/// Advancing the fake clock then moves only what the adapter reads with GetUtcNow.
/// </summary>
internal sealed class FakeWallClock(FakeTimeProvider wall) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => wall.GetUtcNow();
}
