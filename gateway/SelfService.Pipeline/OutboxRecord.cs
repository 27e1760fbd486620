using LiteDB;

namespace SelfService.Pipeline;

/// <summary>A message waiting to go out, with its delivery attempts.</summary>
public sealed class OutboxRecord
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> Choices { get; set; } = [];
    public string? InReplyTo { get; set; }
    public string SessionId { get; set; } = "";
    public string? CustomerId { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxState
{
    Pending,

    /// <summary>Handed to the adapter. Found so after a crash, it may have gone out: resent only where sending twice is harmless.</summary>
    Sending,

    Sent,
    Failed,
}
