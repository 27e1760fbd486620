namespace SelfService.Storage.Messages;

/// <summary>An accepted inbound message as stored: persisted before the channel is acknowledged.</summary>
public sealed class InboundRecord
{
    public string Id { get; set; } = "";

    /// <summary>"channel|channel message id": unique, so a redelivery is recognised.</summary>
    public string DedupKey { get; set; } = "";

    public string Channel { get; set; } = "";
    public string ChannelMessageId { get; set; } = "";
    public string SenderAddress { get; set; } = "";
    public string Text { get; set; } = "";
    public string? LanguageHint { get; set; }
    public string? VouchedMsisdn { get; set; }
    public string? ClientAddress { get; set; }
    public string SessionId { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public InboundState State { get; set; }

    /// <summary>What the processor made of it; for a parked message, why it was parked.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Processing attempts that failed; past the limit the message is parked.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>
    /// The lease of the connection it came in on (an SMPP bind, the Telegram poll, the mailbox) and the token the accepting
    /// instance held: should that instance die before processing it, the connection's next owner finds it by these.
    /// </summary>
    public string? AcceptedOnLease { get; set; }

    public long AcceptedOnToken { get; set; }
}

public enum InboundState
{
    Accepted,
    Processed,

    /// <summary>Processing failed every time it was tried: kept with its reason for the operator, not tried again.</summary>
    Parked,
}
