namespace SelfService.Pipeline;

/// <summary>Bound from the "Retention" configuration section: how long the store keeps each kind of record.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Processed inbound messages (the redelivery check of channels with ids of their own reaches this far back).</summary>
    public TimeSpan Inbound { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sent and failed replies, with their delivery receipts. Replies still waiting are kept until they go.</summary>
    public TimeSpan Outbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The customers' timelines as agents see them.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Web chat and Direct Line conversations with nothing new for this long, with their transcripts.</summary>
    public TimeSpan Conversations { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Web chat and Direct Line conversations whose visitor never linked a number go after this much quiet: nothing in them
    /// belongs to a known customer, and anyone can open them by the thousand.
    /// </summary>
    public TimeSpan UnlinkedConversations { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The hourly traffic figures (a few KB per channel and hour) behind the dashboard.</summary>
    public TimeSpan Statistics { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the store is purged.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
