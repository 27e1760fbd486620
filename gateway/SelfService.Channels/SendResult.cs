namespace SelfService.Channels;

/// <summary>What became of a send. Only the outbox decides about retries; adapters only classify.</summary>
/// <param name="Parts">The parts the channel accepted in this attempt, with its id for each (also on a failure after some went).</param>
public sealed record SendResult(SendStatus Status, string? Error = null, TimeSpan? RetryAfter = null, IReadOnlyList<AcceptedPart>? Parts = null)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendStatus.RetryableFailure, error, retryAfter);

    public static SendResult Fail(string error) => new(SendStatus.PermanentFailure, error);

    /// <summary>The channel is down or not configured: the message waits for it without using up its attempts.</summary>
    public static SendResult Unavailable(string reason) => new(SendStatus.ChannelUnavailable, reason);
}

public enum SendStatus { Sent, RetryableFailure, PermanentFailure, ChannelUnavailable }

/// <summary>One part the channel took responsibility for: its number, the total, the channel's id for it and every form a
/// delivery receipt may quote that id in.</summary>
public sealed record AcceptedPart(int Part, int Parts, string ChannelMessageId, IReadOnlyList<string> MatchKeys);
