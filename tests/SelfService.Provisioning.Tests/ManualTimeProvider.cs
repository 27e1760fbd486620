namespace SelfService.Provisioning.Tests;

/// <summary>A clock the test sets; timers stay on real time (nothing here waits on them).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
