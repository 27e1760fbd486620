namespace SelfService.Channels;

/// <summary>What became of a send. Only the outbox decides about retries; adapters only classify.</summary>
public sealed record SendResult(SendStatus Status, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendStatus.RetryableFailure, error, retryAfter);

    public static SendResult Fail(string error) => new(SendStatus.PermanentFailure, error);
}

public enum SendStatus { Sent, RetryableFailure, PermanentFailure }
