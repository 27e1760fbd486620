namespace SelfService.Pipeline;

/// <summary>Bound from the "Pipeline" configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Parallel command workers. Messages from one sender always go to the same worker, so they run in order.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Accepted messages waiting for a worker; when full, accepting waits (and with it the channel).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Tries of a message whose processing fails (a bug, a store error) before it is parked for the operator.</summary>
    public int MaxProcessingAttempts { get; set; } = 3;

    /// <summary>Pause before a message whose processing failed is tried again; meanwhile the sender's later messages go on.</summary>
    public TimeSpan ProcessingRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts before an outbound message is marked failed.</summary>
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>First retry delay; it doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sends in flight at once, over all channels: enough to keep every SMSC window full.</summary>
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>How often the outbox looks for due retries when nothing new arrives.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the traffic counters behind the dashboard are written to the store. After a kill -9 the next start
    /// counts again what came after the last write (all but a message being accepted at that very moment).
    /// </summary>
    public TimeSpan StatisticsFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
