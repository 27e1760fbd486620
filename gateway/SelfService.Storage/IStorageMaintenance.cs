namespace SelfService.Storage;

/// <summary>What keeps the store healthy and bounded: its health for /health, and the retention of what it holds.</summary>
public interface IStorageMaintenance
{
    /// <summary>Whether the last commit worked; a store that cannot write (a full disk, a read-only file) says why.</summary>
    StorageHealth Health { get; }

    /// <summary>
    /// Deletes what is older than the policy keeps: processed inbound messages, sent or failed replies, history lines, idle
    /// web chat and Direct Line conversations, the hours of the traffic rollup.
    /// Accepted messages not processed yet and replies still waiting are never deleted. Works in small commits, so the
    /// message path goes on meanwhile. Relies on ids that begin with their time (version-7 GUIDs), as every inbound id does
    /// and every id derived from one.
    /// </summary>
    Task<RetentionReport> PurgeAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>How long each kind of record is kept.</summary>
public sealed record RetentionPolicy(TimeSpan Inbound, TimeSpan Outbox, TimeSpan History)
{
    /// <summary>Web chat and Direct Line conversations with nothing new for this long go, with their transcripts; null keeps them.</summary>
    public TimeSpan? Conversations { get; init; }

    /// <summary>
    /// Web chat and Direct Line conversations whose visitor never linked a number (nothing personal, often a bot or a
    /// probe) go after this much quiet, sooner than <see cref="Conversations"/>; null applies only that.
    /// </summary>
    public TimeSpan? UnlinkedConversations { get; init; }

    /// <summary>The hourly traffic rollup behind the dashboard; null keeps it.</summary>
    public TimeSpan? Statistics { get; init; }
}

/// <summary>How many records of each kind a purge deleted.</summary>
public sealed record RetentionReport(int Inbound, int Outbox, int History)
{
    /// <summary>Idle web chat and Direct Line conversations deleted.</summary>
    public int Conversations { get; init; }

    /// <summary>Hours of the traffic rollup deleted.</summary>
    public int StatisticsHours { get; init; }
}

/// <param name="Healthy">False when the last commit failed.</param>
/// <param name="LastCommitAt">When a commit last worked.</param>
/// <param name="LastError">Why the last commit failed, while the store is not healthy.</param>
public sealed record StorageHealth(bool Healthy, DateTimeOffset? LastCommitAt, string? LastError);
