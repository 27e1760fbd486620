namespace SelfService.Storage.Messages;

/// <summary>A message waiting to go out, with its delivery attempts.</summary>
public sealed class OutboxRecord
{
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> Choices { get; set; } = [];
    public string? InReplyTo { get; set; }

    /// <summary>A campaign message's signed one-click unsubscribe address (RFC 8058): email carries it as List-Unsubscribe.</summary>
    public string? UnsubscribeUrl { get; set; }
    public string SessionId { get; set; } = "";
    public string? CustomerId { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The parts the channel accepted, in order, with the channel's id for each (an SMSC's message id). A send
    /// interrupted after some parts resumes after them.</summary>
    public List<SentPart> Parts { get; set; } = [];

    /// <summary>Every form in which a delivery receipt may quote one of <see cref="Parts"/>' ids (hex, decimal...).</summary>
    public List<string> MatchKeys { get; set; } = [];
}

public enum OutboxState
{
    Pending,

    /// <summary>Handed to the adapter. Found so after a crash, it may have gone out: resent only where sending twice is harmless.</summary>
    Sending,

    Sent,
    Failed,
}
